#include "analysis/export/results_writer.hpp"

#include <filesystem>

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>
#include <google/protobuf/util/json_util.h>

#include "analysis/export/atomic_file.hpp"

namespace desksim::analysis {

std::string message_to_json(const google::protobuf::Message& message) {
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = true;
  options.always_print_primitive_fields = true;  // dashboards see every field, zero or not
  options.preserve_proto_field_names = true;
  std::string json;
  (void)google::protobuf::util::MessageToJsonString(message, &json, options);
  return json;
}

bool write_results(const results::RunResult& run, const std::string& directory, std::string* error) {
  return write_message_files(run, directory, "results", error);
}

bool write_comparison(const results::Comparison& comparison, const std::string& directory, std::string* error) {
  return write_message_files(comparison, directory, "comparison", error);
}

bool write_message_files(const google::protobuf::Message& message, const std::string& directory,
                         const std::string& stem, std::string* error) {
  std::error_code ec;
  std::filesystem::create_directories(directory, ec);
  if (ec) {
    if (error) *error = directory + ": cannot create the output directory: " + ec.message();
    return false;
  }
  std::string binary;
  {
    google::protobuf::io::StringOutputStream stream(&binary);
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.SetSerializationDeterministic(true);
    message.SerializeToCodedStream(&coded);
  }
  const std::filesystem::path dir(directory);
  return write_file_atomically((dir / (stem + ".pb")).string(), binary, error) &&
         write_file_atomically((dir / (stem + ".json")).string(), message_to_json(message), error);
}

}  // namespace desksim::analysis

#include "launcher/task_request.hpp"

#include <cstdint>
#include <cstring>

namespace desksim::launcher {

namespace {

void put_length(std::uint64_t n, std::string* out) { out->append(reinterpret_cast<const char*>(&n), sizeof n); }

bool take_length(const std::string& bytes, std::size_t* at, std::uint64_t* n) {
  if (bytes.size() - *at < sizeof *n) return false;
  std::memcpy(n, bytes.data() + *at, sizeof *n);
  *at += sizeof *n;
  return true;
}

}  // namespace

// Layout: the number of arguments; each argument's length and bytes; the input's length and bytes.
std::string encode_task_request(const TaskRequest& request) {
  std::string out;
  put_length(request.arguments.size(), &out);
  for (const std::string& a : request.arguments) {
    put_length(a.size(), &out);
    out += a;
  }
  put_length(request.input.size(), &out);
  out += request.input;
  return out;
}

bool decode_task_request(const std::string& bytes, TaskRequest* out) {
  std::size_t at = 0;
  std::uint64_t count = 0, length = 0;
  TaskRequest request;
  if (!take_length(bytes, &at, &count) || count > bytes.size()) return false;
  for (std::uint64_t i = 0; i < count; ++i) {
    if (!take_length(bytes, &at, &length) || length > bytes.size() - at) return false;
    request.arguments.emplace_back(bytes, at, length);
    at += length;
  }
  if (!take_length(bytes, &at, &length) || length != bytes.size() - at) return false;
  request.input.assign(bytes, at, length);
  *out = std::move(request);
  return true;
}

}  // namespace desksim::launcher

#pragma once
// One replication's per-ticket records: opens the file the run asked for (none when the path is
// empty), attaches a writer to the flow, and writes the tickets still open at the end.
#include <cstdio>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "models/desk/service_desk_config.hpp"
#include "models/flow/service_flow.hpp"
#include "models/flow/ticket_record_writer.hpp"
#include "models/resolver/resolver_config.hpp"

namespace desksim::models {

class TicketRecordFile {
 public:
  TicketRecordFile(const std::string& path, unsigned replication, ServiceFlow* flow, const ServiceDeskConfig& desk,
                   const ResolverNetworkConfig* network)
      : flow_(flow) {
    if (path.empty() || flow == nullptr) return;
    file_ = std::fopen(path.c_str(), "w");
    if (file_ == nullptr) throw std::runtime_error("cannot write per-ticket records to " + path);
    std::vector<std::string> stations = {"desk"}, categories;
    if (network != nullptr)
      for (const auto& g : network->groups) stations.push_back(g.name);
    for (const auto& c : desk.categories) categories.push_back(c.name);
    writer_ = std::make_unique<TicketRecordWriter>(file_, replication, std::move(stations), std::move(categories));
    flow->set_record_writer(writer_.get());
  }
  ~TicketRecordFile() {
    if (file_ != nullptr) std::fclose(file_);
  }
  TicketRecordFile(const TicketRecordFile&) = delete;
  TicketRecordFile& operator=(const TicketRecordFile&) = delete;

  /// Writes the tickets still open and flushes; throws if the file could not be written whole.
  void finish(double) {
    if (file_ == nullptr) return;
    flow_->write_open_records();
    if (std::fflush(file_) != 0 || std::ferror(file_)) throw std::runtime_error("writing per-ticket records failed");
  }

 private:
  ServiceFlow* flow_;
  std::FILE* file_ = nullptr;
  std::unique_ptr<TicketRecordWriter> writer_;
};

}  // namespace desksim::models

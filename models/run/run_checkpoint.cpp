#include "models/run/run_checkpoint.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "sim/io/durable_file.hpp"

namespace desksim::models {

namespace {

namespace fs = std::filesystem;

constexpr const char* kHeader = "desksim run checkpoint 1\n";

std::string identity_text(const RunIdentity& id) {
  return std::string(kHeader) + "desksim " + id.desksim_version + "\nseed " + std::to_string(id.seed) +
         "\nreplications " + std::to_string(id.replications) + "\nscenario " + std::to_string(id.scenario_bytes.size()) +
         "\n" + id.scenario_bytes + "\nplatform " + std::to_string(id.platform_bytes.size()) + "\n" + id.platform_bytes +
         "\n";
}

/// Reads back what identity_text wrote; false if the text is not such a record.
bool parse_identity(const std::string& text, RunIdentity* id) {
  std::istringstream in(text);
  std::string line;
  auto field = [&](const std::string& name, std::string* value) {
    if (!std::getline(in, line) || line.rfind(name + " ", 0) != 0) return false;
    *value = line.substr(name.size() + 1);
    return true;
  };
  auto blob = [&](const std::string& name, std::string* bytes) {
    std::string size;
    if (!field(name, &size)) return false;
    const std::size_t n = std::stoull(size);
    bytes->resize(n);
    return static_cast<bool>(in.read(bytes->data(), static_cast<std::streamsize>(n))) && in.get() == '\n';
  };
  std::string seed, replications;
  try {
    return std::getline(in, line) && line + "\n" == kHeader && field("desksim", &id->desksim_version) &&
           field("seed", &seed) && field("replications", &replications) && blob("scenario", &id->scenario_bytes) &&
           blob("platform", &id->platform_bytes) && (id->seed = std::stoull(seed), true) &&
           (id->replications = static_cast<unsigned>(std::stoul(replications)), true);
  } catch (const std::exception&) {  // a number that is not one
    return false;
  }
}

/// What differs between the kept identity and this run's, in words; empty when they are equal.
std::string difference(const RunIdentity& kept, const RunIdentity& now) {
  if (kept.desksim_version != now.desksim_version)
    return "it was made by desksim " + kept.desksim_version + ", this is " + now.desksim_version;
  if (kept.seed != now.seed) return "its seed is " + std::to_string(kept.seed) + ", not " + std::to_string(now.seed);
  if (kept.replications != now.replications)
    return "it has " + std::to_string(kept.replications) + " replications, not " + std::to_string(now.replications);
  if (kept.scenario_bytes != now.scenario_bytes) return "the scenario (or a base it extends) has changed since";
  if (kept.platform_bytes != now.platform_bytes) return "the platform file has changed since";
  return {};
}

bool read_whole(const fs::path& path, std::string* bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  *bytes = s.str();
  return !in.bad();
}

fs::path result_file(const std::string& folder, unsigned r) {
  return fs::path(folder) / ("replication-" + std::to_string(r) + ".pb");
}

}  // namespace

bool RunCheckpoint::start(const std::string& folder, const RunIdentity& identity, RunCheckpoint* out,
                          std::string* error) {
  std::error_code ec;
  fs::remove_all(folder, ec);
  if (!ec) fs::create_directories(folder, ec);
  if (ec) {
    if (error) *error = folder + ": cannot create the checkpoint folder: " + ec.message();
    return false;
  }
  out->folder_ = folder;
  out->replications_ = identity.replications;
  return sim::write_durably((fs::path(folder) / "identity").string(), identity_text(identity), error);
}

bool RunCheckpoint::resume(const std::string& folder, const RunIdentity& identity, RunCheckpoint* out,
                           std::string* error) {
  std::string text;
  RunIdentity kept;
  if (!fs::is_directory(folder)) {
    if (error) *error = "nothing to resume: " + folder + " does not exist (no interrupted run wrote there)";
    return false;
  }
  if (!read_whole(fs::path(folder) / "identity", &text) || !parse_identity(text, &kept)) {
    if (error) *error = folder + "/identity: missing or damaged: this is no checkpoint desksim can resume";
    return false;
  }
  if (const std::string why = difference(kept, identity); !why.empty()) {
    if (error) *error = "the checkpoint in " + folder + " is of another run (" + why + "); run without --resume to start again";
    return false;
  }
  // Pieces of replications that were running when the run stopped are of no use.
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.find(".tmp.") != std::string::npos || (name.size() > 5 && name.compare(name.size() - 5, 5, ".part") == 0))
      fs::remove(entry.path(), ec);
  }
  out->folder_ = folder;
  out->replications_ = identity.replications;
  return true;
}

std::vector<unsigned> RunCheckpoint::finished(bool with_ticket_records) const {
  std::vector<unsigned> out;
  for (unsigned r = 0; r < replications_; ++r) {
    std::error_code ec;
    if (!fs::is_regular_file(result_file(folder_, r), ec)) continue;
    if (with_ticket_records && !fs::is_regular_file(ticket_records(r), ec)) continue;
    out.push_back(r);
  }
  return out;
}

bool RunCheckpoint::result(unsigned replication, std::string* bytes) const {
  return read_whole(result_file(folder_, replication), bytes);
}

std::string RunCheckpoint::ticket_records_part(unsigned replication) const {
  return ticket_records(replication) + ".part";
}

std::string RunCheckpoint::ticket_records(unsigned replication) const {
  return (fs::path(folder_) / ("tickets-" + std::to_string(replication) + ".csv")).string();
}

bool RunCheckpoint::save(unsigned replication, const std::string& bytes, bool with_ticket_records,
                         std::string* error) const {
  if (with_ticket_records &&
      std::rename(ticket_records_part(replication).c_str(), ticket_records(replication).c_str()) != 0) {
    if (error) *error = ticket_records_part(replication) + ": cannot keep the per-ticket records: " + std::strerror(errno);
    return false;
  }
  return sim::write_durably(result_file(folder_, replication).string(), bytes, error);
}

bool RunCheckpoint::remove(std::string* error) const {
  std::error_code ec;
  fs::remove_all(folder_, ec);
  if (ec && error) *error = folder_ + ": cannot remove the checkpoint: " + ec.message();
  return !ec;
}

}  // namespace desksim::models

#pragma once
// The link between desksim-mpi (launcher/) and the `desksim optimise` it runs beside rank 0, whose
// search has each round's candidates simulated on the ranks of the MPI job instead of in its own pool.
// desksim-mpi starts
//   desksim optimise ARGS --rounds-folder DIR --rounds-request-fd W --rounds-answer-fd A --rounds-ranks N
// W and A being the search's ends of two pipes. For round k (from 0) the search writes
// DIR/round-k/candidate-c.pb, the serialised Scenario of candidate c, then the line
//   round k candidates C replications R seed S
// on W. desksim-mpi runs each task t = c * R + r on some rank as
//   desksim replication-task --seed S --replication r --task-in FILE --task-out FILE
// (FILE: a copy of candidate c's bytes on that rank's machine), keeps the result as
// DIR/round-k/task-t.pb (app/task_files.hpp), and answers with one line on A: `done`, or `failed`
// with why in DIR/round-k/failure.txt. The search takes the results as finished tasks of
// run_scenarios (models/optimise/candidate_evaluation.hpp), which runs none of them again.
// Header only: desksim-mpi includes it and links none of desksim's libraries.
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <filesystem>
#include <sstream>
#include <string>

namespace desksim::app {

inline std::string round_folder(const std::string& folder, unsigned round) {
  return (std::filesystem::path(folder) / ("round-" + std::to_string(round))).string();
}

inline std::string candidate_file(const std::string& round_folder, unsigned candidate) {
  return (std::filesystem::path(round_folder) / ("candidate-" + std::to_string(candidate) + ".pb")).string();
}

inline std::string round_failure_file(const std::string& round_folder) {
  return (std::filesystem::path(round_folder) / "failure.txt").string();
}

/// Writes all of `text` to the pipe `fd`; false when it cannot (the other end has gone).
inline bool write_all(int fd, const std::string& text) {
  for (std::size_t done = 0; done < text.size();) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

/// One round of candidates to simulate: the request line.
struct RoundRequest {
  unsigned round = 0;
  unsigned candidates = 0;    ///< >= 1
  unsigned replications = 0;  ///< per candidate, >= 1
  std::uint64_t seed = 0;
};

/// The request line, with its newline.
inline std::string format_round_request(const RoundRequest& r) {
  return "round " + std::to_string(r.round) + " candidates " + std::to_string(r.candidates) + " replications " +
         std::to_string(r.replications) + " seed " + std::to_string(r.seed) + "\n";
}

/// Reads a request line (without its newline); false when it is not one.
inline bool parse_round_request(const std::string& line, RoundRequest* out) {
  std::istringstream in(line);
  std::string round, candidates, replications, seed, rest;
  RoundRequest r;
  if (!(in >> round >> r.round >> candidates >> r.candidates >> replications >> r.replications >> seed >> r.seed) ||
      (in >> rest) || round != "round" || candidates != "candidates" || replications != "replications" ||
      seed != "seed" || r.candidates == 0 || r.replications == 0)
    return false;
  *out = r;
  return true;
}

}  // namespace desksim::app

#include "app/rounds_on_ranks.hpp"

#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>

#include "app/optimise_rounds.hpp"
#include "app/task_mode.hpp"

namespace desksim::app {

namespace {

/// One line from `fd` (without its newline); false at the end of the pipe or on an error.
bool read_line(int fd, std::string* line) {
  line->clear();
  for (char c;;) {
    const ssize_t n = ::read(fd, &c, 1);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    if (c == '\n') return true;
    line->push_back(c);
  }
}

}  // namespace

bool RoundsOnRanksArguments::IsValid(std::string* error) const {
  auto fail = [&](const std::string& m) {
    if (error) *error = m + " (--rounds-folder, --rounds-request-fd, --rounds-answer-fd and --rounds-ranks are "
                            "desksim-mpi's link with the search, and go together)";
    return false;
  };
  if (folder.empty() || !std::filesystem::is_directory(folder))
    return fail("--rounds-folder: an existing folder is needed");
  if (request_fd < 0) return fail("--rounds-request-fd: an open file descriptor is needed");
  if (answer_fd < 0) return fail("--rounds-answer-fd: an open file descriptor is needed");
  if (ranks < 1) return fail("--rounds-ranks must be >= 1");
  return true;
}

void add_rounds_on_ranks_options(CLI::App* optimise, RoundsOnRanksArguments* args) {
  // Hidden (empty group): plumbing for desksim-mpi, documented in app/optimise_rounds.hpp and README;
  // checked together by IsValid (CLI11's own message for a hidden option does not name it).
  optimise->add_option("--rounds-folder", args->folder, "Folder shared with desksim-mpi")->group("");
  optimise->add_option("--rounds-request-fd", args->request_fd, "Pipe on which rounds are asked for")->group("");
  optimise->add_option("--rounds-answer-fd", args->answer_fd, "Pipe on which they are answered")->group("");
  optimise->add_option("--rounds-ranks", args->ranks, "Ranks of the MPI job")->group("");
}

models::ReplicationsElsewhere replications_on_ranks(const RoundsOnRanksArguments& args) {
  auto next_round = std::make_shared<unsigned>(0);
  return [args, next_round](const std::vector<scenario::Scenario>& candidates, const models::RunOptions& options,
                            std::map<unsigned, std::string>* results, std::string* error, bool* /*stopped*/) {
    const RoundRequest request{(*next_round)++, static_cast<unsigned>(candidates.size()), options.replications,
                               options.seed};
    const std::string folder = round_folder(args.folder, request.round);
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (ec) {
      *error = folder + ": cannot create the round's folder: " + ec.message();
      return false;
    }
    for (unsigned c = 0; c < request.candidates; ++c) {
      std::string bytes;
      if (!candidates[c].SerializeToString(&bytes)) {
        *error = "candidate " + std::to_string(c) + " cannot be serialised";
        return false;
      }
      if (!write_whole(candidate_file(folder, c), bytes, error)) return false;
    }
    std::string answer;
    if (!write_all(args.request_fd, format_round_request(request)) || !read_line(args.answer_fd, &answer)) {
      *error = "desksim-mpi stopped answering (round " + std::to_string(request.round) + ")";
      return false;
    }
    bool ok = false;
    if (answer == "done") {
      ok = read_task_results(folder, request.candidates * request.replications, results, error);
    } else if (answer == "failed") {
      std::ifstream in(round_failure_file(folder));
      *error = std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
      if (error->empty()) *error = "desksim-mpi: round " + std::to_string(request.round) + " failed";
    } else {
      *error = "desksim-mpi answered \"" + answer + "\" to round " + std::to_string(request.round);
    }
    std::filesystem::remove_all(folder, ec);  // its results are in memory now
    return ok;
  };
}

}  // namespace desksim::app

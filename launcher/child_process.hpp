#pragma once
// desksim child processes of desksim-mpi: started with fork and exec (not MPI_Comm_spawn: a child is
// a plain program that knows nothing of MPI), each dying with the rank that started it
// (PR_SET_PDEATHSIG), so that no simulation runs on after its rank.
#include <sys/types.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "launcher/task_request.hpp"

namespace desksim::launcher {

/// This machine's folder for temporary files: $TMPDIR, else /tmp.
std::string temporary_folder();

/// Removes the task files ($TMPDIR/desksim-mpi-task[-in].<host>.<pid>.XXXXXX) that ranks of this
/// host killed outright (SIGKILL, the OOM killer) left behind; never a live rank's or another host's.
/// Each rank calls it once, at its start.
void remove_task_files_left_by_dead_ranks();

/// Runs `argv` (argv[0] the program) to its end. Its stderr is this process's; its stdout is
/// captured in *out when out is given, else it is this process's too. Returns the exit code, or 128
/// + the signal that ended it, or 127 when it could not be started (with *error set).
int run_to_end(const std::vector<std::string>& argv, std::string* out, std::string* error);

/// The outcome of one task attempt.
struct TaskOutcome {
  bool ok = false;
  std::string bytes;  ///< its result (ok)
  std::string why;    ///< why it failed (not ok): how the child ended and the end of its stderr
  double seconds = 0; ///< wall time from start to exit
};

/// One task attempt: `desksim ARGUMENTS... [--task-in IN] --task-out OUT` (TaskRequest), IN and OUT
/// temporary files of this machine; its stderr is kept (to say why it failed) rather than printed, as
/// every task of a run would repeat the same warnings.
class TaskProcess {
 public:
  TaskProcess() = default;
  TaskProcess(const TaskProcess&) = delete;
  TaskProcess& operator=(const TaskProcess&) = delete;
  ~TaskProcess();

  /// Starts the attempt. `crash` (a test hook, see README) kills the child with SIGKILL as soon as it
  /// has started, as a crash would. False when it could not start (*outcome says why).
  bool start(const std::string& desksim, const TaskRequest& request, bool crash, TaskOutcome* outcome);
  bool running() const { return pid_ > 0; }
  /// Waits at most `timeout_ms` for the attempt to end; its outcome once it has.
  std::optional<TaskOutcome> poll(int timeout_ms);
  /// Kills the attempt, if one runs, and removes its temporary files (also done on destruction).
  void stop();

 private:
  void discard_files();

  pid_t pid_ = -1;
  int stderr_fd_ = -1;
  std::string stderr_tail_;
  std::string in_path_, out_path_;
  std::chrono::steady_clock::time_point started_;
};

/// The `desksim optimise` whose search rank 0 serves (launcher/optimise_driver.cpp): it runs beside
/// rank 0's loop, with rank 0's stdout and stderr, and `pass_fds` open in it; killed if still running
/// when this is destroyed.
class SearchProcess {
 public:
  SearchProcess() = default;
  SearchProcess(const SearchProcess&) = delete;
  SearchProcess& operator=(const SearchProcess&) = delete;
  ~SearchProcess();

  /// False with *error when it could not be started.
  bool start(const std::vector<std::string>& argv, const std::vector<int>& pass_fds, std::string* error);
  /// Its exit code (128 + the signal that ended it) once it has ended; `wait` waits for that.
  std::optional<int> exit_code(bool wait = false);

 private:
  pid_t pid_ = -1;
  std::optional<int> code_;
};

}  // namespace desksim::launcher

#pragma once
// Which rank runs which job, when: the scheduling and retry rules of desksim-mpi, kept apart from MPI
// so that they can be tested alone (tests/launcher).
//
// Dynamic: a rank asks for one job when it is free, so that a rank given cheap jobs takes more of
// them and none idles while others have a queue (replications differ in cost, sweep points more so).
// Jobs are handed out lowest number first, and a job to run again goes to the front of the queue,
// so that the run does not end waiting for it.
//
// Retries: a failed attempt (the child process crashed or exited non-zero, or its rank was lost) is
// run again on another rank, one where this job has not failed yet; only when every live rank has
// failed it may it run again on one of them. After `max_attempts` attempts the job, and the run, fail.
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace desksim::launcher {

struct JobSchedulerOptions {
  /// Jobs to run, numbered 0..jobs-1 (>= 1).
  unsigned jobs = 1;
  /// Ranks that run jobs, numbered 0..ranks-1 (>= 1); rank 0 is never lost (it coordinates).
  int ranks = 1;
  /// Attempts at one job before the run fails (>= 1). Default 3.
  unsigned max_attempts = 3;

  bool IsValid(std::string* error) const;
};

/// One attempt at a job: attempts are numbered from 1 for each job.
struct Assignment {
  unsigned job = 0;
  unsigned attempt = 0;
  friend bool operator==(const Assignment&, const Assignment&) = default;
};

/// What became of one attempt, in the order they ended.
struct AttemptRecord {
  Assignment assignment;
  int rank = 0;
  bool succeeded = false;
  double seconds = 0;  ///< its wall time on the rank; 0 for an attempt whose rank was lost
  std::string why;     ///< why it failed
};

class JobScheduler {
 public:
  /// The options must be valid (IsValid).
  explicit JobScheduler(const JobSchedulerOptions& options);

  /// The next job for `rank`, which must be live and free; none when no job is waiting that this rank
  /// may run now (it asks again after the next event).
  std::optional<Assignment> next(int rank);
  /// The attempt running on `rank` has finished with a result, after `seconds` of wall time.
  void succeeded(int rank, const Assignment& attempt, double seconds);
  /// It has failed (`why`, in words). Returns true when the job will be tried again.
  bool failed(int rank, const Assignment& attempt, double seconds, const std::string& why);
  /// The rank is gone (it stopped answering): its job, if any, fails and is queued again, and it is
  /// given no more. Returns that job's attempt, if it had one.
  std::optional<Assignment> lose(int rank, const std::string& why);

  /// The run cannot go on (e.g. a result cannot be kept): nothing more is handed out.
  void abandon(const std::string& why) {
    if (failure_.empty()) failure_ = why;
  }

  /// Nothing more to hand out: every job has succeeded, or one has failed for good.
  bool finished() const { return done_ == options_.jobs || !failure_.empty(); }
  /// Every job has succeeded.
  bool succeeded_all() const { return done_ == options_.jobs; }
  /// Why the run failed (a job out of attempts); empty while it has not.
  const std::string& failure() const { return failure_; }

  /// The attempt running on `rank`, if any.
  std::optional<Assignment> running_on(int rank) const;
  bool lost(int rank) const { return lost_.count(rank) != 0; }
  /// Attempts that failed and were run again.
  unsigned retries() const { return retries_; }
  /// Wall time of the successful attempts: the useful work.
  double useful_seconds() const { return useful_seconds_; }
  const std::vector<AttemptRecord>& history() const { return history_; }

 private:
  struct Job {
    unsigned attempts = 0;
    std::set<int> failed_on;
  };
  bool may_run_on(const Job& job, int rank) const;
  void record(int rank, const Assignment& attempt, bool ok, double seconds, const std::string& why);

  JobSchedulerOptions options_;
  std::vector<Job> jobs_;
  std::vector<unsigned> queue_;  // waiting jobs, first to run first
  std::vector<std::optional<Assignment>> running_;  // by rank
  std::set<int> lost_;
  unsigned done_ = 0;
  unsigned retries_ = 0;
  double useful_seconds_ = 0;
  std::string failure_;
  std::vector<AttemptRecord> history_;
};

}  // namespace desksim::launcher

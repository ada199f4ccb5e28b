#include "launcher/job_scheduler.hpp"

#include <algorithm>

namespace desksim::launcher {

bool JobSchedulerOptions::IsValid(std::string* error) const {
  auto fail = [&](std::string m) {
    if (error) *error = std::move(m);
    return false;
  };
  if (jobs < 1) return fail("jobs must be >= 1 (got 0)");
  if (ranks < 1) return fail("ranks must be >= 1 (got " + std::to_string(ranks) + ")");
  if (max_attempts < 1) return fail("max_attempts must be >= 1 (got 0)");
  return true;
}

JobScheduler::JobScheduler(const JobSchedulerOptions& options)
    : options_(options), jobs_(options.jobs), running_(static_cast<std::size_t>(options.ranks)) {
  for (unsigned j = 0; j < options.jobs; ++j) queue_.push_back(j);
}

bool JobScheduler::may_run_on(const Job& job, int rank) const {
  if (job.failed_on.count(rank) == 0) return true;
  // Elsewhere if there is an elsewhere: every live rank has failed this job, so any of them may retry it.
  for (int r = 0; r < options_.ranks; ++r)
    if (lost_.count(r) == 0 && job.failed_on.count(r) == 0) return false;
  return true;
}

std::optional<Assignment> JobScheduler::next(int rank) {
  if (finished() || lost(rank) || running_[rank]) return std::nullopt;
  const auto it = std::find_if(queue_.begin(), queue_.end(), [&](unsigned j) { return may_run_on(jobs_[j], rank); });
  if (it == queue_.end()) return std::nullopt;
  const Assignment a{*it, ++jobs_[*it].attempts};
  queue_.erase(it);
  running_[rank] = a;
  return a;
}

void JobScheduler::record(int rank, const Assignment& attempt, bool ok, double seconds, const std::string& why) {
  history_.push_back(AttemptRecord{attempt, rank, ok, seconds, why});
  running_[rank].reset();
}

void JobScheduler::succeeded(int rank, const Assignment& attempt, double seconds) {
  record(rank, attempt, true, seconds, "");
  ++done_;
  useful_seconds_ += seconds;
}

bool JobScheduler::failed(int rank, const Assignment& attempt, double seconds, const std::string& why) {
  record(rank, attempt, false, seconds, why);
  Job& job = jobs_[attempt.job];
  job.failed_on.insert(rank);
  if (job.attempts >= options_.max_attempts) {
    if (failure_.empty())
      failure_ = "job " + std::to_string(attempt.job) + " failed " + std::to_string(job.attempts) +
                 " times; the last time: " + why;
    return false;
  }
  ++retries_;
  queue_.insert(queue_.begin(), attempt.job);
  return true;
}

std::optional<Assignment> JobScheduler::lose(int rank, const std::string& why) {
  if (rank == 0 || lost(rank)) return std::nullopt;
  lost_.insert(rank);
  const std::optional<Assignment> was = running_[rank];
  if (was) failed(rank, *was, 0, why);
  return was;
}

std::optional<Assignment> JobScheduler::running_on(int rank) const { return running_[rank]; }

}  // namespace desksim::launcher

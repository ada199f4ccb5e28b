#include "launcher/task_coordinator.hpp"

#include <mpi.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <thread>

#include "app/task_files.hpp"
#include "launcher/mpi_channel.hpp"
#include "launcher/roles.hpp"

namespace desksim::launcher {

namespace {

using Clock = std::chrono::steady_clock;

}  // namespace

TaskCoordinator::TaskCoordinator(const LauncherOptions& options, int ranks)
    : options_(options),
      ranks_(ranks),
      last_word_(static_cast<std::size_t>(ranks), Clock::now()),
      stopped_(static_cast<std::size_t>(ranks), false) {}

bool TaskCoordinator::run(const TaskBatch& batch, const std::function<bool()>& go_on, std::string* failure,
                          const std::function<bool()>& stop_now) {
  batch_ = &batch;
  scheduler_ = std::make_unique<JobScheduler>(JobSchedulerOptions{batch.tasks, ranks_, options_.max_attempts});
  for (int r : lost_) scheduler_->lose(r, "lost earlier");
  keep_error_.clear();
  bool abandoned = false, stopped = false;
  while (!batch_over()) {
    if (stop_now && stop_now()) {
      stopped = true;
      own_.stop();
      break;
    }
    if (go_on && !scheduler_->finished() && !go_on()) {
      abandoned = true;
      scheduler_->abandon("abandoned");
    }
    bool busy = receive_all();
    busy = collect_own() || busy;
    find_lost_ranks();
    busy = assign() || busy;
    if (!busy) {
      if (own_.running()) {
        if (auto ended = own_.poll(2)) finish_own(std::move(*ended));
      } else {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
      }
    }
  }

  const bool ok = scheduler_->succeeded_all() && keep_error_.empty() && !abandoned && !stopped;
  tasks_ += batch.tasks;
  retries_ += scheduler_->retries();
  useful_seconds_ += scheduler_->useful_seconds();
  const auto& history = scheduler_->history();
  for (const AttemptRecord& record : history)
    if (record.succeeded && record.assignment.attempt > 1)
      recovered_.push_back(batch.describe(record.assignment.job) + " done on rank " + std::to_string(record.rank) +
                           " at attempt " + std::to_string(record.assignment.attempt));
  if (!ok) {
    const auto last =
        std::find_if(history.rbegin(), history.rend(), [](const AttemptRecord& r) { return !r.succeeded; });
    if (!keep_error_.empty())
      *failure = keep_error_;
    else if (stopped)
      *failure = "stopped before its end";
    else if (abandoned)
      *failure = "abandoned before its end";
    else if (last != history.rend())
      *failure = batch.describe(last->assignment.job) + " failed " + std::to_string(last->assignment.attempt) + " of " +
                 std::to_string(options_.max_attempts) + " attempts; the last, on rank " + std::to_string(last->rank) +
                 ": " + last->why;
    else
      *failure = scheduler_->failure();
  }
  scheduler_.reset();
  batch_ = nullptr;
  return ok;
}

void TaskCoordinator::finish() {
  for (;;) {
    receive_all();
    stop_idle_ranks();
    bool all = true;
    for (int r = 1; r < ranks_; ++r) all = all && (stopped_[r] || lost(r));
    if (all) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

bool TaskCoordinator::waiting_for_lost() const {
  for (int r = 1; r < ranks_; ++r)
    if (lost(r) && !stopped_[r]) return true;
  return false;
}

bool TaskCoordinator::batch_over() const {
  if (!scheduler_->finished() || own_.running()) return false;
  for (int r = 1; r < ranks_; ++r)
    if (!lost(r) && scheduler_->running_on(r)) return false;
  return true;
}

void TaskCoordinator::ended(int rank, const Assignment& a, bool ok, double seconds, const std::string& payload) {
  if (ok) {
    std::string error;
    if (!batch_->keep(a.job, payload, &error)) {
      keep_error_ = "the result of " + batch_->describe(a.job) + " cannot be kept: " + error;
      scheduler_->failed(rank, a, seconds, keep_error_);
      scheduler_->abandon(keep_error_);
      return;
    }
    scheduler_->succeeded(rank, a, seconds);
    return;
  }
  const bool again = scheduler_->failed(rank, a, seconds, payload);
  std::cerr << "desksim-mpi: " << batch_->describe(a.job) << ", attempt " << a.attempt << ", failed on rank " << rank
            << ": " << payload << "\n";
  if (again)
    std::cerr << "desksim-mpi: it will run again "
              << (live_ranks() > 1 ? "on another rank" : "on this rank, the only one") << "\n";
}

int TaskCoordinator::live_ranks() const { return ranks_ - static_cast<int>(lost_.size()); }

bool TaskCoordinator::receive_all() {
  bool any = false;
  Message m;
  bool failed = false;
  while (try_receive(MPI_ANY_SOURCE, &m, &failed)) {
    any = true;
    last_word_[m.source] = Clock::now();
    if (lost(m.source)) {  // taken for lost, yet it speaks: its word is too late; let it go
      if (m.tag != kHeartbeat && !stopped_[m.source]) stopped_[m.source] = send_message(m.source, kStop);
      continue;
    }
    const Assignment a{m.header.job, m.header.attempt};
    if (m.tag == kReady) {
      idle_.insert(m.source);
    } else if ((m.tag == kResult || m.tag == kFailed) && scheduler_ && scheduler_->running_on(m.source) == a) {
      ended(m.source, a, m.tag == kResult, m.header.seconds, m.payload);
      idle_.insert(m.source);
    }
  }
  if (failed) std::cerr << "desksim-mpi: an MPI receive failed; carrying on with the ranks that answer\n";
  return any;
}

bool TaskCoordinator::collect_own() {
  if (!own_.running()) return false;
  auto ended = own_.poll(0);
  if (!ended) return false;
  finish_own(std::move(*ended));
  return true;
}

void TaskCoordinator::finish_own(TaskOutcome outcome) {
  ended(0, own_task_, outcome.ok, outcome.seconds, outcome.ok ? outcome.bytes : outcome.why);
}

void TaskCoordinator::find_lost_ranks() {
  const auto limit = std::chrono::duration<double>(options_.lost_after_seconds);
  for (int r = 1; r < ranks_; ++r) {
    if (!scheduler_->running_on(r) || Clock::now() - last_word_[r] < limit) continue;
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.0f", options_.lost_after_seconds);
    lose(r, std::string("no word from it for ") + seconds + " s");
  }
}

void TaskCoordinator::lose(int rank, const std::string& why) {
  lost_.insert(rank);
  idle_.erase(rank);
  const auto was = scheduler_ ? scheduler_->lose(rank, "rank " + std::to_string(rank) + " lost: " + why) : std::nullopt;
  std::cerr << "desksim-mpi: rank " << rank << " is taken as lost (" << why << ")";
  if (was) std::cerr << "; " << batch_->describe(was->job) << " will run on another rank";
  std::cerr << "\n";
}

bool TaskCoordinator::assign() {
  bool any = false;
  if (scheduler_->finished()) return false;  // the idle ranks wait for the next batch, or finish()
  for (auto it = idle_.begin(); it != idle_.end();) {
    const int r = *it;
    if (auto a = scheduler_->next(r)) {
      last_word_[r] = Clock::now();
      it = idle_.erase(it);
      if (!send_message(r, kTask, MessageHeader{a->job, a->attempt, 0}, encode_task_request(batch_->request(a->job))))
        lose(r, "a task cannot be sent to it");
      any = true;
    } else {
      ++it;
    }
  }
  if (!own_.running()) {
    if (auto a = scheduler_->next(0)) {
      own_task_ = *a;
      TaskOutcome outcome;
      if (!own_.start(options_.desksim, batch_->request(a->job), crash_for_test(a->job, a->attempt), &outcome))
        finish_own(std::move(outcome));
      any = true;
    }
  }
  return any;
}

void TaskCoordinator::stop_idle_ranks() {
  for (int r : idle_) {
    stopped_[r] = send_message(r, kStop);
    if (!stopped_[r]) {
      lost_.insert(r);
      std::cerr << "desksim-mpi: rank " << r << " is taken as lost (it cannot be told to stop)\n";
    }
  }
  idle_.clear();
}

}  // namespace desksim::launcher

// desksim-mpi's scheduling rules (launcher/job_scheduler.hpp), without MPI: one task at a time to
// whichever rank is free, a failed task run again elsewhere, a lost rank's task queued again.
#include "launcher/job_scheduler.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

namespace desksim::launcher {
namespace {

JobScheduler make(unsigned jobs, int ranks, unsigned max_attempts = 3) {
  return JobScheduler(JobSchedulerOptions{jobs, ranks, max_attempts});
}

// Plays a run in simulated time: each rank asks for a job when free, job j takes cost[j]. Returns the
// time the last job ends, and the jobs each rank ran.
double makespan(const std::vector<double>& cost, int ranks, std::vector<std::vector<unsigned>>* ran) {
  JobScheduler s = make(static_cast<unsigned>(cost.size()), ranks);
  std::vector<double> free_at(static_cast<std::size_t>(ranks), 0.0);
  ran->assign(static_cast<std::size_t>(ranks), {});
  double end = 0;
  while (!s.finished()) {
    const int r = static_cast<int>(std::min_element(free_at.begin(), free_at.end()) - free_at.begin());
    const auto a = s.next(r);
    if (!a) break;
    free_at[r] += cost[a->job];
    end = std::max(end, free_at[r]);
    (*ran)[r].push_back(a->job);
    s.succeeded(r, *a, cost[a->job]);
  }
  EXPECT_TRUE(s.succeeded_all());
  EXPECT_DOUBLE_EQ(s.useful_seconds(), [&] {
    double sum = 0;
    for (double c : cost) sum += c;
    return sum;
  }());
  return end;
}

TEST(JobScheduler, AFreeRankTakesTheNextJobSoNoneIdlesWhileOthersHaveAQueue) {
  // One long job and four short ones on two ranks. Handed out on request, rank 0 runs the long job
  // while rank 1 runs the four short ones: all done at 5. Dealt out in turn beforehand (0, 2, 4 to
  // rank 0), rank 0 would need 5 + 1 + 1 = 7 while rank 1 idled from 2 on.
  std::vector<std::vector<unsigned>> ran;
  EXPECT_DOUBLE_EQ(makespan({5, 1, 1, 1, 1}, 2, &ran), 5.0);
  EXPECT_EQ(ran[0], (std::vector<unsigned>{0}));
  EXPECT_EQ(ran[1], (std::vector<unsigned>{1, 2, 3, 4}));
  // Equal jobs are spread evenly: 12 jobs of 1 on 4 ranks end at 3.
  EXPECT_DOUBLE_EQ(makespan(std::vector<double>(12, 1.0), 4, &ran), 3.0);
  for (const auto& jobs : ran) EXPECT_EQ(jobs.size(), 3u);
}

TEST(JobScheduler, JobsGoOutLowestFirstAndARankHasOneAtATime) {
  JobScheduler s = make(3, 2);
  EXPECT_EQ(s.next(1), (Assignment{0, 1}));
  EXPECT_FALSE(s.next(1)) << "rank 1 is busy";
  EXPECT_EQ(s.running_on(1), (Assignment{0, 1}));
  EXPECT_EQ(s.next(0), (Assignment{1, 1}));
  s.succeeded(0, {1, 1}, 2.0);
  EXPECT_EQ(s.next(0), (Assignment{2, 1}));
  EXPECT_FALSE(s.running_on(1) == std::nullopt);
  s.succeeded(1, {0, 1}, 1.0);
  EXPECT_FALSE(s.finished());
  s.succeeded(0, {2, 1}, 0.5);
  EXPECT_TRUE(s.finished());
  EXPECT_TRUE(s.succeeded_all());
  EXPECT_FALSE(s.next(1));
  EXPECT_DOUBLE_EQ(s.useful_seconds(), 3.5);
  EXPECT_EQ(s.retries(), 0u);
}

TEST(JobScheduler, AFailedJobRunsAgainFirstAndOnAnotherRank) {
  JobScheduler s = make(3, 3);
  EXPECT_EQ(s.next(1), (Assignment{0, 1}));
  EXPECT_TRUE(s.failed(1, {0, 1}, 0.3, "desksim killed by signal Killed"));
  EXPECT_EQ(s.retries(), 1u);
  // Rank 1 failed job 0: it gets the next job instead; rank 2 gets job 0, before job 2.
  EXPECT_EQ(s.next(1), (Assignment{1, 1}));
  EXPECT_EQ(s.next(2), (Assignment{0, 2}));
  EXPECT_EQ(s.next(0), (Assignment{2, 1}));
  s.succeeded(2, {0, 2}, 1.0);
  s.succeeded(1, {1, 1}, 1.0);
  s.succeeded(0, {2, 1}, 1.0);
  EXPECT_TRUE(s.succeeded_all());
  // Failed attempts are not useful work.
  EXPECT_DOUBLE_EQ(s.useful_seconds(), 3.0);
  ASSERT_EQ(s.history().size(), 4u);
  EXPECT_FALSE(s.history()[0].succeeded);
  EXPECT_EQ(s.history()[0].rank, 1);
  EXPECT_EQ(s.history()[0].why, "desksim killed by signal Killed");
}

TEST(JobScheduler, ARankWhereTheJobFailedWaitsForAnotherRankUnlessEveryLiveRankFailedIt) {
  JobScheduler s = make(1, 2);
  EXPECT_EQ(s.next(1), (Assignment{0, 1}));
  s.failed(1, {0, 1}, 0, "crash");
  EXPECT_FALSE(s.next(1)) << "rank 0 has not failed it: it waits for rank 0";
  EXPECT_EQ(s.next(0), (Assignment{0, 2}));
  s.failed(0, {0, 2}, 0, "crash");
  // Both ranks failed it: either may try again.
  EXPECT_EQ(s.next(1), (Assignment{0, 3}));
  s.succeeded(1, {0, 3}, 1);
  EXPECT_TRUE(s.succeeded_all());

  JobScheduler alone = make(1, 1);
  EXPECT_EQ(alone.next(0), (Assignment{0, 1}));
  alone.failed(0, {0, 1}, 0, "crash");
  EXPECT_EQ(alone.next(0), (Assignment{0, 2})) << "with one rank, it runs again there";
}

TEST(JobScheduler, AJobOutOfAttemptsFailsTheRunNamingItAndWhy) {
  JobScheduler s = make(2, 1, 2);
  EXPECT_EQ(s.next(0), (Assignment{0, 1}));
  EXPECT_TRUE(s.failed(0, {0, 1}, 0, "exit code 1: boom"));
  EXPECT_EQ(s.next(0), (Assignment{0, 2}));
  EXPECT_FALSE(s.failed(0, {0, 2}, 0, "exit code 1: boom again"));
  EXPECT_TRUE(s.finished());
  EXPECT_FALSE(s.succeeded_all());
  EXPECT_EQ(s.failure(), "job 0 failed 2 times; the last time: exit code 1: boom again");
  EXPECT_FALSE(s.next(0)) << "nothing more is handed out";
  EXPECT_EQ(s.retries(), 1u);
}

TEST(JobScheduler, ALostRanksJobRunsElsewhereAndTheRankGetsNoMore) {
  JobScheduler s = make(2, 3);
  EXPECT_EQ(s.next(2), (Assignment{0, 1}));
  EXPECT_EQ(s.next(1), (Assignment{1, 1}));
  EXPECT_EQ(s.lose(2, "no word for 60 s"), (Assignment{0, 1}));
  EXPECT_TRUE(s.lost(2));
  EXPECT_FALSE(s.running_on(2));
  EXPECT_FALSE(s.next(2));
  EXPECT_EQ(s.next(0), (Assignment{0, 2}));
  EXPECT_EQ(s.retries(), 1u);
  EXPECT_FALSE(s.lose(0, "rank 0 coordinates")) << "rank 0 is never lost";
  EXPECT_FALSE(s.lost(0));
  EXPECT_FALSE(s.lose(2, "again")) << "lost once";
  s.succeeded(0, {0, 2}, 1);
  s.succeeded(1, {1, 1}, 1);
  EXPECT_TRUE(s.succeeded_all());
}

TEST(JobScheduler, AbandoningStopsTheHandingOut) {
  JobScheduler s = make(3, 1);
  EXPECT_EQ(s.next(0), (Assignment{0, 1}));
  s.abandon("cannot keep a result");
  EXPECT_TRUE(s.finished());
  EXPECT_FALSE(s.succeeded_all());
  EXPECT_EQ(s.failure(), "cannot keep a result");
}

TEST(JobScheduler, OptionsNameTheViolatedConstraint) {
  std::string error;
  EXPECT_TRUE((JobSchedulerOptions{4, 2, 3}).IsValid(&error));
  EXPECT_FALSE((JobSchedulerOptions{0, 2, 3}).IsValid(&error));
  EXPECT_EQ(error, "jobs must be >= 1 (got 0)");
  EXPECT_FALSE((JobSchedulerOptions{4, 0, 3}).IsValid(&error));
  EXPECT_EQ(error, "ranks must be >= 1 (got 0)");
  EXPECT_FALSE((JobSchedulerOptions{4, 2, 0}).IsValid(&error));
  EXPECT_EQ(error, "max_attempts must be >= 1 (got 0)");
}

}  // namespace
}  // namespace desksim::launcher

// What rank 0 sends a rank for one task (launcher/task_request.hpp), and the optimiser's round
// requests (app/optimise_rounds.hpp), read back as they were written; a truncated or padded request is
// refused rather than run.
#include <gtest/gtest.h>

#include "app/optimise_rounds.hpp"
#include "launcher/task_request.hpp"

namespace desksim::launcher {
namespace {

TEST(TaskRequest, ReadsBackWhatWasWrittenWhateverTheBytes) {
  const std::string binary("\0\n\xff scenario \0 bytes", 19);
  for (const TaskRequest& request :
       {TaskRequest{{"sweep", "s.textproto", "--vary", "desk.agents=10,12", "--task", "3"}, ""},
        TaskRequest{{"replication-task", "--seed", "18446744073709551615", "--replication", "2"}, binary},
        TaskRequest{{"run", "", "with space", "--out="}, "x"}, TaskRequest{}}) {
    TaskRequest back{{"left", "over"}, "old"};
    ASSERT_TRUE(decode_task_request(encode_task_request(request), &back));
    EXPECT_EQ(back, request);
  }
}

TEST(TaskRequest, TruncatedOrPaddedBytesAreRefused) {
  const std::string bytes = encode_task_request(TaskRequest{{"replication-task", "--seed", "1"}, "abc"});
  TaskRequest out;
  for (std::size_t n = 0; n < bytes.size(); ++n) EXPECT_FALSE(decode_task_request(bytes.substr(0, n), &out)) << n;
  EXPECT_FALSE(decode_task_request(bytes + "z", &out));
  EXPECT_FALSE(decode_task_request(std::string(8, '\xff'), &out)) << "a count larger than the message";
}

TEST(RoundRequest, ALineReadsBackAndAnythingElseIsRefused) {
  const app::RoundRequest round{7, 12, 3, 18446744073709551615ull};
  const std::string line = app::format_round_request(round);
  EXPECT_EQ(line, "round 7 candidates 12 replications 3 seed 18446744073709551615\n");
  app::RoundRequest back;
  ASSERT_TRUE(app::parse_round_request(line.substr(0, line.size() - 1), &back));
  EXPECT_EQ(back.round, 7u);
  EXPECT_EQ(back.candidates, 12u);
  EXPECT_EQ(back.replications, 3u);
  EXPECT_EQ(back.seed, round.seed);
  for (const char* bad : {"", "round 1 candidates 0 replications 3 seed 1", "round 1 candidates 2 replications 0 seed 1",
                          "round 1 candidates 2 replications 3", "round 1 candidates 2 replications 3 seed 1 more",
                          "round x candidates 2 replications 3 seed 1", "tasks 4 points 2 replications 2"})
    EXPECT_FALSE(app::parse_round_request(bad, &back)) << bad;
  EXPECT_EQ(app::round_folder("/f", 3), "/f/round-3");
  EXPECT_EQ(app::candidate_file("/f/round-3", 2), "/f/round-3/candidate-2.pb");
}

}  // namespace
}  // namespace desksim::launcher

// `desksim check-fit` end to end, as the README's hold-out: fit on the first three weeks of the
// shipped ServiceNow extract, check on the fourth. The log's side of the table is the log's own
// count; the arrivals per weekday of the unseen week are within the ±15% target.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <sstream>
#include <string>

#include "tests/e2e/cli_support.hpp"

namespace desksim::e2e {
namespace {

namespace fs = std::filesystem;

struct Row {
  double log = 0, simulated = 0, low = 0, high = 0;
  std::string met;
};

std::map<std::string, Row> read_rows(const std::string& csv) {
  std::map<std::string, Row> rows;
  std::istringstream in(csv);
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::vector<std::string> cells;
    std::string cell;
    std::istringstream fields(line);
    while (std::getline(fields, cell, ',')) cells.push_back(cell);
    if (line.back() == ',') cells.emplace_back();
    if (cells.size() < 9) continue;
    rows[cells[0]] = Row{std::stod(cells[2]), std::stod(cells[3]), std::stod(cells[4]), std::stod(cells[5]), cells[8]};
  }
  return rows;
}

TEST(CheckFitCli, HoldOutWeekOfTheShippedLog) {
  const fs::path dir = fs::temp_directory_path() / ("desksim-check-fit-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string log = std::string(DESKSIM_SOURCE_DIR) + "/scenarios/met/data/calibration-2016-04-11_2016-05-08.csv.gz";
  const auto fit = desksim("calibrate " + log + " --out " + (dir / "fit.textproto").string() + " --fit-until 2016-05-01");
  ASSERT_EQ(fit.exit_code, 0) << fit.output;
  const auto check = desksim("check-fit " + (dir / "fit.textproto").string() + " " + log + " --from 2016-05-02 -r 4 -j 2 --out " +
                             (dir / "out").string());
  ASSERT_EQ(check.exit_code, 0) << check.output;
  EXPECT_NE(check.output.find("incidents opened 2016-05-02 to 2016-05-08"), std::string::npos) << check.output;
  auto rows = read_rows(read_file(dir / "out" / "check-fit.csv"));
  // The log's side: Monday 2 May 2016 has 478 incidents opened (counted independently in Python,
  // scenarios/met/log_figures.py), a single Monday in the window.
  EXPECT_DOUBLE_EQ(rows["arrivals.Mon"].log, 478.0);
  for (const char* day : {"arrivals.Mon", "arrivals.Tue", "arrivals.Wed", "arrivals.Thu", "arrivals.Fri"}) {
    EXPECT_EQ(rows[day].met, "1") << day << ": log " << rows[day].log << ", simulated " << rows[day].simulated;
    EXPECT_LE(rows[day].low, rows[day].simulated);
    EXPECT_LE(rows[day].simulated, rows[day].high);
  }
  for (const char* share : {"never_reassigned", "made_sla", "entered.waiting_on_user"}) {
    EXPECT_GE(rows[share].low, 0.0) << share;
    EXPECT_LE(rows[share].high, 1.0) << share;
  }
  EXPECT_TRUE(rows.count("backlog.day7")) << "one backlog figure per day of the window";
  EXPECT_FALSE(fs::exists(dir / "out" / ".partial")) << "the replications' records are removed once read";

  const auto bad = desksim("check-fit " + (dir / "fit.textproto").string() + " " + log + " --from 2016-06-01");
  EXPECT_EQ(bad.exit_code, 2) << bad.output;
  EXPECT_NE(bad.output.find("expected a date from 2016-04-11 to 2016-05-08"), std::string::npos) << bad.output;
  fs::remove_all(dir);
}

}  // namespace
}  // namespace desksim::e2e

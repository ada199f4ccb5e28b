// The dashboard database and its CSV: a small hand-made run goes in, and the rows, dates, estimates,
// targets and views that come out are checked against values worked out by hand.
#include "analysis/export/dashboard_database.hpp"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "analysis/export/csv_export.hpp"
#include "analysis/export/results_writer.hpp"
#include "analysis/statistics/run_estimates.hpp"

namespace desksim::analysis {
namespace {

namespace fs = std::filesystem;

// Two replications starting on Monday 2025-01-06 with a warm-up of one day: a daily series of three
// days, an attainment per supplier, one service with two availability months.
results::RunResult small_run() {
  results::RunResult run;
  run.set_scenario_name("tiny");
  run.set_seed(3);
  run.set_desksim_version("test");
  auto* info = run.mutable_scenario();
  info->set_name("tiny");
  info->set_fingerprint(0xabcdefu);
  info->set_start_date("2025-01-06");
  info->set_desk_supplier("infra");
  auto* supplier = info->add_suppliers();
  supplier->set_name("infra");
  supplier->set_attainment_target_percent(95);
  auto* p1 = supplier->add_targets();
  p1->set_priority(1);
  p1->set_response_minutes(15);
  p1->set_resolution_hours(4);
  p1->set_calendar("24x7");
  for (int r = 0; r < 2; ++r) {
    auto* rep = run.add_replications();
    rep->set_replication(r);
    rep->set_fingerprint(0x10u + r);
    rep->set_measured_from_hours(24);
    auto* c = rep->add_counters();
    c->set_name("tickets.raised");
    c->set_value(r == 0 ? 100 : 120);
    auto* t = rep->add_tallies();
    t->set_name("supplier.infra.resolution_attainment.P1");
    t->set_count(50);
    t->set_proportion(true);
    t->set_mean(r == 0 ? 0.90 : 0.94);
    auto* s = rep->add_series();
    s->set_name("tickets.raised_per_day");
    s->set_period_hours(24);
    for (double v : {10.0, 20.0 + r, 30.0}) s->add_values(v);
    auto* service = rep->mutable_infrastructure()->add_services();
    service->set_name("records");
    service->set_target_percent(99.5);
    for (int m = 0; m < 2; ++m) {
      auto* month = service->add_months();
      month->set_month(m);
      month->set_availability(m == 0 ? 1.0 : 0.99);
      month->set_credit_pounds(m == 0 ? 0 : 500);
    }
    auto* a = rep->add_scalars();
    a->set_name("service.records.availability");
    a->set_value(r == 0 ? 0.995 : 0.999);
    auto* met = rep->add_scalars();
    met->set_name("service.records.target_met");
    met->set_value(r == 0 ? 0 : 1);
  }
  add_estimates(&run);
  return run;
}

class DashboardDatabase : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("desksim-db-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  // The first column of the first row of a query, as text.
  static std::string query(SqliteDatabase& db, const std::string& sql) {
    SqliteStatement s(db, sql);
    EXPECT_TRUE(s.ok()) << sql << ": " << db.error();
    return s.next_row() ? s.column_text(0) : "(no row)";
  }
  fs::path dir_;
};

TEST_F(DashboardDatabase, HoldsTheRunItsDatesAndItsSchemaVersion) {
  const auto path = (dir_ / "r.sqlite").string();
  std::string error;
  ASSERT_TRUE(write_run_database(small_run(), path, &error)) << error;
  SqliteDatabase db(path, true);
  EXPECT_EQ(query(db, "SELECT value FROM schema_info WHERE key = 'schema_version'"), "2");
  EXPECT_EQ(query(db, "PRAGMA user_version"), "2");
  EXPECT_EQ(query(db, "SELECT fingerprint FROM scenarios"), "0000000000abcdef");
  EXPECT_EQ(query(db, "SELECT COUNT(*) FROM replications"), "2");
  EXPECT_EQ(query(db, "SELECT measured_from FROM replications WHERE replication = 1"), "2025-01-07T00:00:00");
  // Day 1 of the series is 2025-01-07; its mean over the two replications is (20 + 21) / 2.
  EXPECT_EQ(query(db, "SELECT date || ' ' || mean FROM v_daily WHERE date = '2025-01-07'"), "2025-01-07 20.5");
  // Day 0 is in the warm-up: calendar months count the measured days only, 20.5 + 30 = 50.5.
  EXPECT_EQ(query(db, "SELECT month || ' ' || mean || ' ' || days FROM v_calendar_months"), "2025-01 50.5 2");
  // The availability month 1 starts 730 hours after the start: 30 days 10 hours.
  EXPECT_EQ(query(db, "SELECT period_start FROM service_months WHERE month = 1 LIMIT 1"), "2025-02-05T10:00:00");
}

TEST_F(DashboardDatabase, EstimatesCarryTheirMethodAndTargets) {
  const auto path = (dir_ / "r.sqlite").string();
  std::string error;
  ASSERT_TRUE(write_run_database(small_run(), path, &error)) << error;
  SqliteDatabase db(path, true);
  EXPECT_EQ(query(db, "SELECT method || ' ' || kind || ' ' || unit FROM estimates WHERE metric = 'tickets.raised'"),
            "lognormal-cox non-negative tickets");
  EXPECT_EQ(query(db, "SELECT method FROM estimates WHERE metric = 'service.records.target_met'"), "clopper-pearson");
  // P1 resolution attainment 0.92 with its target of 95% and 4 hours.
  EXPECT_EQ(query(db, "SELECT supplier || ' ' || priority || ' ' || clock || ' ' || mean || ' ' || target_percent || "
                      "' ' || target_time_hours FROM sla_attainment"),
            "infra P1 resolution 0.92 95.0 4.0");
  EXPECT_EQ(query(db, "SELECT status FROM v_sla_attainment"), "uncertain");
  EXPECT_EQ(query(db, "SELECT target_percent || ' ' || target_met_share FROM service_availability"), "99.5 0.5");
  EXPECT_EQ(query(db, "SELECT availability_percent FROM v_availability_by_month WHERE month = 1"), "99.0");
}

TEST_F(DashboardDatabase, CsvHasEveryTableAndViewAndQuotesText) {
  EXPECT_EQ(csv_field("plain"), "plain");
  EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csv_field("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(csv_field("ends\r"), "\"ends\r\"");
  EXPECT_EQ(csv_field(""), "");
  const auto path = (dir_ / "r.sqlite").string();
  std::string error;
  ASSERT_TRUE(write_run_database(small_run(), path, &error)) << error;
  SqliteDatabase db(path, true);
  std::vector<CsvFile> files;
  ASSERT_TRUE(export_csv(db, &files, &error)) << error;
  const std::string tables = query(db, "SELECT COUNT(*) FROM sqlite_master WHERE type IN ('table', 'view')");
  EXPECT_EQ(std::to_string(files.size()), tables);
  for (const CsvFile& f : files) {
    if (f.name != "replications") continue;
    EXPECT_EQ(f.text.substr(0, f.text.find("\r\n")),
              "run_id,replication,seed,fingerprint,events,simulated_hours,measured_from_hours,measured_from");
    EXPECT_NE(f.text.find("1,0,0,0000000000000010,0,0,24,2025-01-07T00:00:00\r\n"), std::string::npos) << f.text;
  }
}

TEST_F(DashboardDatabase, SameResultsGiveTheSameBytesWhateverTheThreads) {
  std::string error;
  ASSERT_TRUE(write_results(small_run(), (dir_ / "a").string(), &error)) << error;
  ASSERT_TRUE(write_results(small_run(), (dir_ / "b").string(), &error, nullptr, nullptr, {4})) << error;
  auto bytes = [](const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  };
  EXPECT_FALSE(bytes(dir_ / "a" / "results.sqlite").empty());
  std::size_t files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(dir_ / "a")) {
    if (!entry.is_regular_file()) continue;
    ++files;
    const fs::path relative = fs::relative(entry.path(), dir_ / "a");
    EXPECT_EQ(bytes(entry.path()), bytes(dir_ / "b" / relative)) << relative;
  }
  std::size_t files_b = 0;
  for (const auto& entry : fs::recursive_directory_iterator(dir_ / "b")) files_b += entry.is_regular_file();
  EXPECT_EQ(files, files_b);
  EXPECT_GT(files, 20u) << "the .pb, .json, .sqlite and a CSV file per table and view";
}

TEST_F(DashboardDatabase, CsvFilesReadByManyConnectionsAreThoseOfOne) {
  const auto path = (dir_ / "r.sqlite").string();
  std::string error;
  ASSERT_TRUE(write_run_database(small_run(), path, &error)) << error;
  std::vector<CsvFile> one;
  {
    SqliteDatabase db(path, true);
    ASSERT_TRUE(export_csv(db, &one, &error)) << error;
  }
  for (unsigned threads : {1u, 2u, 3u, 64u}) {
    std::vector<CsvFile> many;
    ASSERT_TRUE(export_csv(path, threads, &many, &error)) << error;
    ASSERT_EQ(many.size(), one.size()) << threads;
    for (std::size_t i = 0; i < one.size(); ++i) {
      EXPECT_EQ(many[i].name, one[i].name) << threads;
      EXPECT_EQ(many[i].text, one[i].text) << threads << " " << one[i].name;
    }
  }
  std::vector<CsvFile> none;
  EXPECT_FALSE(export_csv((dir_ / "missing" / "r.sqlite").string(), 2, &none, &error));
  EXPECT_TRUE(none.empty());
}

TEST_F(DashboardDatabase, AFailedWriteLeavesThePreviousOutputsAndNoTemporaries) {
  std::string error;
  ASSERT_TRUE(write_results(small_run(), dir_.string(), &error)) << error;
  auto bytes = [](const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  };
  const std::string before = bytes(dir_ / "results.sqlite");
  // A directory where one CSV file must go: that output cannot be renamed into place, so none is.
  fs::remove(dir_ / "csv" / "runs.csv");
  fs::create_directories(dir_ / "csv" / "runs.csv" / "blocker");
  results::RunResult other = small_run();
  other.set_seed(99);
  EXPECT_FALSE(write_results(other, dir_.string(), &error));
  EXPECT_NE(error.find("runs.csv"), std::string::npos) << error;
  EXPECT_EQ(bytes(dir_ / "results.sqlite"), before);
  for (const auto& entry : fs::recursive_directory_iterator(dir_))
    EXPECT_EQ(entry.path().filename().string().find(".tmp."), std::string::npos) << entry.path();
}

}  // namespace
}  // namespace desksim::analysis

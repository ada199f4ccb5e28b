// Fitting a scenario to a log: anomalous-day exclusion, quantile laws, and a fitted scenario that
// validates, on a synthetic log written by the test.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "models/calibration/arrival_fit.hpp"
#include "models/calibration/csv_stream.hpp"
#include "models/calibration/incident_log.hpp"
#include "models/calibration/log_time.hpp"
#include "models/calibration/quantile_points.hpp"
#include "models/calibration/scenario_fit.hpp"
#include "models/scenario/scenario_loader.hpp"

namespace cal = desksim::models::calibration;

TEST(CalibrationFit, AnomalousDayExcludedAgainstItsWeekdayMedian) {
  // Three weeks from Monday 2016-04-11: 10 incidents at 09:00 each day, 2 on the middle Thursday.
  std::vector<cal::Incident> store;
  const std::int64_t first = *cal::parse_day("2016-04-11");
  for (std::int64_t d = 0; d < 21; ++d)
    for (int k = 0; k < (d == 10 ? 2 : 10); ++k) {
      cal::Incident i;
      i.opened = (first + d) * cal::kMinutesPerDay + 9 * 60;
      store.push_back(i);
    }
  std::vector<const cal::Incident*> ptr;
  for (const auto& i : store) ptr.push_back(&i);
  const cal::ArrivalFit fit = cal::fit_arrivals(ptr, first, first + 20);
  int excluded = 0;
  for (const auto& d : fit.days) excluded += d.excluded;
  EXPECT_EQ(excluded, 1);
  EXPECT_TRUE(fit.days[10].excluded);
  EXPECT_DOUBLE_EQ(fit.weights[3 * 24 + 9], 10.0);  // Thursday 09:00: the two Thursdays kept
  EXPECT_DOUBLE_EQ(fit.incidents_per_hour, 70.0 / 168);
  EXPECT_DOUBLE_EQ(fit.day_factor_cv, 0.0);  // equal counts: less spread than Poisson, cv 0
}

TEST(CalibrationFit, QuantileLawThroughTheSample) {
  std::vector<double> xs;
  for (int k = 0; k <= 1000; ++k) xs.push_back(k / 100.0);  // uniform on [0, 10]
  const cal::QuantilePoints q = cal::quantile_points(xs);
  EXPECT_DOUBLE_EQ(q.values.front(), 0.0);
  EXPECT_DOUBLE_EQ(q.values.back(), 10.0);
  EXPECT_NEAR(q.mean(), 5.0, 1e-9);
  const cal::QuantilePoints ties = cal::quantile_points(std::vector<double>(50, 0.0));
  for (std::size_t i = 1; i < ties.values.size(); ++i) EXPECT_GT(ties.values[i], ties.values[i - 1]);
}

TEST(CalibrationFit, FittedScenarioValidates) {
  // 40 incidents a day for two weeks, two groups, some waiting on the user, some reassigned.
  std::ostringstream csv;
  csv << "number,incident_state,sys_mod_count,opened_at,sys_updated_at,priority,category,assignment_group,"
         "reassignment_count,made_sla,resolved_at,closed_at\n";
  const std::int64_t first = *cal::parse_day("2016-04-11");
  auto stamp = [](std::int64_t minutes) {
    const std::string day = cal::format_day(minutes / cal::kMinutesPerDay);  // yyyy-mm-dd
    char buf[32];
    std::snprintf(buf, sizeof buf, "%s %02d:%02d", day.c_str(), static_cast<int>(minutes % 1440 / 60),
                  static_cast<int>(minutes % 60));
    return std::string(buf);
  };
  int n = 0;
  for (std::int64_t d = 0; d < 14; ++d)
    for (int k = 0; k < 40; ++k, ++n) {
      const std::int64_t t0 = (first + d) * cal::kMinutesPerDay + 8 * 60 + k * 13;
      const std::string num = "INC" + std::to_string(n), o = stamp(t0);
      const bool moved = n % 3 == 0, waits = n % 5 == 0;
      const std::string prio = n % 20 == 0 ? "2 - High" : "3 - Moderate";
      const std::string cat = n % 2 ? "Cat A" : "Cat B";
      const std::int64_t res = t0 + 60 + (n % 7) * 90 + (waits ? 600 : 0);
      csv << num << ",New,0," << o << "," << o << "," << prio << "," << cat << ",G1,0,true,?,?\n";
      if (waits) csv << num << ",Awaiting User Info,1," << o << "," << stamp(t0 + 30) << "," << prio << "," << cat << ",G1,0,true,?,?\n";
      csv << num << ",Active,2," << o << "," << stamp(t0 + (waits ? 630 : 40)) << "," << prio << "," << cat << ","
          << (moved ? "G2" : "G1") << "," << (moved ? 1 : 0) << ",true,?,?\n";
      csv << num << ",Closed,3," << o << "," << stamp(res + 7200) << "," << prio << "," << cat << "," << (moved ? "G2" : "G1")
          << "," << (moved ? 1 : 0) << "," << (n % 4 ? "true" : "false") << "," << stamp(res) << "," << stamp(res + 7200) << "\n";
    }
  const auto dir = std::filesystem::temp_directory_path();
  const std::string log_path = (dir / "desksim_cal_fit.csv").string();
  std::ofstream(log_path) << csv.str();
  const cal::IncidentLog log = cal::read_incident_log(log_path, cal::ColumnMap::servicenow());
  cal::CalibrationOptions options;
  options.source = "synthetic";
  options.fit_until = cal::parse_day("2016-04-17");
  const cal::CalibrationResult r = cal::calibrate(log, options);
  const std::string out = (dir / "desksim_cal_fit.textproto").string();
  std::ofstream(out) << r.scenario_text;
  desksim::scenario::Scenario s;
  std::vector<desksim::models::Diagnostic> d;
  ASSERT_TRUE(desksim::models::load_scenario(out, &s, &d)) << desksim::models::format_all(d);
  EXPECT_EQ(s.run().start_date(), "2016-04-11");
  EXPECT_DOUBLE_EQ(s.run().horizon_hours(), 7 * 24);
  // One incident per user per month: 280 a week is 280 / 168 * 730.5 = 1217.5 a month.
  EXPECT_EQ(s.demand().population().segments(0).users(), static_cast<unsigned>(std::round(280 * 730.5 / 168)));
  EXPECT_NEAR(s.desk().lifecycle().auto_close_hours(), 120.0, 1e-9);
  EXPECT_NE(r.scenario_text.find("WAITING_ON_USER"), std::string::npos);
  options.fit_until = cal::parse_day("2016-01-01");
  EXPECT_THROW(cal::calibrate(log, options), cal::InputError);
}

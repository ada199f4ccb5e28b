// The incident-log reader: quirks of a real export (missing '?', day-first dates, many rows per
// incident, no resolved_at), its errors (naming row and column), other column orders and names, and
// the shared ServiceNow log when it is present.
#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>

#include "models/calibration/csv_stream.hpp"
#include "models/calibration/incident_log.hpp"
#include "models/calibration/log_time.hpp"

namespace cal = desksim::models::calibration;

namespace {

const char* kHeader =
    "number,incident_state,sys_mod_count,opened_at,sys_updated_at,priority,category,assignment_group,"
    "reassignment_count,made_sla,resolved_at,closed_at\n";

std::string write_file(const std::string& name, const std::string& text) {
  const auto path = std::filesystem::temp_directory_path() / ("desksim_cal_" + name);
  std::ofstream(path, std::ios::binary) << text;
  return path.string();
}

std::string error_of(const std::string& path, const cal::ColumnMap& map = cal::ColumnMap::servicenow()) {
  try {
    cal::read_incident_log(path, map);
  } catch (const cal::InputError& e) {
    return e.what();
  }
  return "";
}

// Two incidents: INC1 goes A -> waits on the user at B -> B resolves; INC2 is created Resolved
// without resolved_at (a fix at first contact).
const std::string kTwo = std::string(kHeader) +
    "INC1,New,0,29/2/2016 01:16,29/2/2016 01:16,3 - Moderate,Cat 1,Group A,0,true,?,?\n"
    "INC1,Active,1,29/2/2016 01:16,29/2/2016 03:16,3 - Moderate,Cat 1,Group B,1,true,?,?\n"
    "INC1,Awaiting User Info,2,29/2/2016 01:16,29/2/2016 05:16,3 - Moderate,Cat 1,Group B,1,true,?,?\n"
    "INC1,Active,3,29/2/2016 01:16,29/2/2016 09:16,2 - High,Cat 1,Group B,1,true,?,?\n"
    "INC1,Resolved,4,29/2/2016 01:16,29/2/2016 11:16,2 - High,Cat 1,Group B,1,false,29/2/2016 11:16,?\n"
    "INC2,Resolved,0,1/3/2016 10:00,1/3/2016 10:05,4 - Low,\"Cat, 2\",Group A,0,true,?,6/3/2016 10:00\n"
    "INC1,Closed,5,29/2/2016 01:16,5/3/2016 11:16,2 - High,Cat 1,Group B,1,false,29/2/2016 11:16,5/3/2016 11:16\n";

}  // namespace

TEST(CalibrationReader, DatesDayFirstAndIso) {
  EXPECT_EQ(*cal::parse_log_time("29/2/2016 01:16"), *cal::parse_log_time("2016-02-29 01:16"));
  EXPECT_EQ(*cal::parse_log_time("1/3/2016 00:00") - *cal::parse_log_time("29/2/2016 23:00"), 60);
  EXPECT_FALSE(cal::parse_log_time("29/2/2015 01:16"));  // not a leap year
  EXPECT_FALSE(cal::parse_log_time("2016-13-01"));
  EXPECT_FALSE(cal::parse_log_time("29/2/2016 01:"));
  EXPECT_EQ(cal::format_day(*cal::parse_day("2016-05-01")), "2016-05-01");
}

TEST(CalibrationReader, ReadsIncidentsVisitsAndWaits) {
  const auto log = cal::read_incident_log(write_file("two.csv", kTwo), cal::ColumnMap::servicenow());
  ASSERT_EQ(log.rows, 7u);
  ASSERT_EQ(log.incidents.size(), 2u);
  const cal::Incident& a = log.incidents[0];
  EXPECT_EQ(a.number, "INC1");
  EXPECT_EQ(a.priority, 2);  // final row's value
  EXPECT_EQ(a.made_sla, 0);
  EXPECT_EQ(a.reassignment_count, 1);
  EXPECT_DOUBLE_EQ(a.resolve_hours(), 10.0);
  ASSERT_EQ(a.visits.size(), 2u);
  EXPECT_EQ(log.groups[a.visits[0].group], "Group A");
  EXPECT_EQ(a.visits[0].work_minutes(), 120);
  EXPECT_TRUE(a.visits[1].entered[cal::kWaitUser]);
  EXPECT_EQ(a.visits[1].wait_minutes[cal::kWaitUser], 240);
  EXPECT_EQ(a.visits[1].work_minutes(), 8 * 60 - 240);
  const cal::Incident& b = log.incidents[1];
  EXPECT_EQ(log.categories[b.category], "Cat, 2");  // quoted field with a comma
  EXPECT_DOUBLE_EQ(b.resolve_hours(), 5.0 / 60);   // no resolved_at: the Resolved row
  EXPECT_EQ(log.resolved_at_missing, 1u);
  EXPECT_FALSE(b.cancelled);
}

TEST(CalibrationReader, GzipAndOtherColumnOrderAndNames) {
  const auto gz = (std::filesystem::temp_directory_path() / "desksim_cal_two.csv.gz").string();
  gzFile f = gzopen(gz.c_str(), "wb");
  gzwrite(f, kTwo.data(), static_cast<unsigned>(kTwo.size()));
  gzclose(f);
  EXPECT_EQ(cal::read_incident_log(gz, cal::ColumnMap::servicenow()).incidents.size(), 2u);
  // Another tool: other names, other order.
  const std::string other =
      "Ticket,Status,Opened,Updated,Prio,Service,Team,Hops,SLA met,Resolved,Closed\n"
      "T-1,Open,2016-03-01 10:00,2016-03-01 10:00,P3,Email,Team X,0,true,,\n"
      "T-1,Resolved,2016-03-01 10:00,2016-03-01 12:30,P3,Email,Team X,0,true,2016-03-01 12:30,\n";
  cal::ColumnMap map = cal::ColumnMap::servicenow();
  map.apply("number=Ticket,state=Status,opened_at=Opened,sys_updated_at=Updated,priority=Prio,category=Service,"
            "assignment_group=Team,reassignment_count=Hops,made_sla=SLA met,resolved_at=Resolved,closed_at=Closed");
  const auto log = cal::read_incident_log(write_file("other.csv", other), map);
  ASSERT_EQ(log.incidents.size(), 1u);
  EXPECT_DOUBLE_EQ(log.incidents[0].resolve_hours(), 2.5);
  EXPECT_NE(error_of(write_file("other2.csv", other)).find("header lacks required column(s) number (number)"),
            std::string::npos);
}

TEST(CalibrationReader, ErrorsNameRowAndColumn) {
  EXPECT_NE(error_of(write_file("empty.csv", "")).find("empty file"), std::string::npos);
  EXPECT_NE(error_of(write_file("header.csv", kHeader)).find("no incident rows"), std::string::npos);
  std::string bad_date = std::string(kHeader) + "INC1,New,0,31/2/2016 01:16,29/2/2016 01:16,3,C,G,0,true,?,?\n";
  EXPECT_NE(error_of(write_file("date.csv", bad_date)).find(":row 2: column opened_at: unparsable date \"31/2/2016 01:16\""),
            std::string::npos);
  std::string disagree = std::string(kHeader) + "INC1,New,0,29/2/2016 01:16,29/2/2016 01:16,3,C,G,0,true,?,?\n" +
                         "INC1,New,1,29/2/2016 01:17,29/2/2016 02:16,3,C,G,0,true,?,?\n";
  EXPECT_NE(error_of(write_file("disagree.csv", disagree)).find(":row 3: column opened_at: incident INC1 has opened_at"),
            std::string::npos);
  std::string truncated = std::string(kHeader) + "INC1,New,0,29/2/2016 01:16,29/2/2016 01:16,3,C,G,0,tr";
  EXPECT_NE(error_of(write_file("cut.csv", truncated)).find(":row 2: truncated last line: 10 of 12 columns"),
            std::string::npos);
  std::string open_quote = std::string(kHeader) + "INC1,New,0,29/2/2016 01:16,29/2/2016 01:16,3,\"C";
  EXPECT_NE(error_of(write_file("quote.csv", open_quote)).find("ends inside a quoted field"), std::string::npos);
  std::string bad_count = std::string(kHeader) + "INC1,New,0,29/2/2016 01:16,29/2/2016 01:16,3,C,G,x,true,?,?\n";
  EXPECT_NE(error_of(write_file("count.csv", bad_count)).find("column reassignment_count: expected a whole number"),
            std::string::npos);
  EXPECT_NE(error_of("/nonexistent/log.csv").find("cannot open"), std::string::npos);
  cal::ColumnMap map = cal::ColumnMap::servicenow();
  EXPECT_THROW(map.apply("nonsense=X"), cal::InputError);
}

TEST(CalibrationReader, SharedServiceNowLog) {
  const std::filesystem::path log_path = std::filesystem::path(DESKSIM_SOURCE_DIR) /
                                         "scenarios/met/data/calibration-2016-04-11_2016-05-08.csv.gz";
  const auto log = cal::read_incident_log(log_path.string(), cal::ColumnMap::servicenow());
  // The figures of scenarios/met/log-figures.md, computed independently in Python.
  EXPECT_EQ(log.rows, 39054u);
  EXPECT_EQ(log.incidents.size(), 7506u);
  EXPECT_EQ(log.resolved_at_missing, 440u);
  int cancelled = 0, never = 0;
  for (const auto& i : log.incidents) cancelled += i.cancelled, never += i.reassignment_count == 0;
  EXPECT_EQ(cancelled, 1);
  EXPECT_NEAR(never / 7506.0, 0.600, 0.0005);
}

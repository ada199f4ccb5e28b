// Business-hours arithmetic: weekends, holidays, interval ends, 24x7, and the inverse relation
// working_time_between(s, add_working_time(s, d)) == d.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>
#include <vector>

#include "sim/calendar/working_calendar.hpp"
#include "sim/random/random_stream.hpp"

namespace desksim::sim {
namespace {

// Day 0 is a Monday; Monday-Friday 08:00-18:00.
WorkingCalendar office(std::vector<std::int64_t> holidays = {}) {
  std::vector<WorkingInterval> week;
  for (int d = 0; d < 5; ++d) week.push_back({d, hours(8), hours(18)});
  return WorkingCalendar(week, holidays, 0);
}

Time at(int day, double hour) { return days(day) + hours(hour); }

TEST(WorkingCalendar, WithinOneDay) {
  const auto c = office();
  EXPECT_DOUBLE_EQ(c.add_working_time(at(0, 9), hours(4)), at(0, 13));
  EXPECT_DOUBLE_EQ(c.working_time_between(at(0, 9), at(0, 13)), hours(4));
  EXPECT_DOUBLE_EQ(c.working_seconds_per_week(), hours(50));
}

TEST(WorkingCalendar, EndsAtTheEndOfAnIntervalNotTheNextStart) {
  EXPECT_DOUBLE_EQ(office().add_working_time(at(0, 8), hours(10)), at(0, 18));
}

TEST(WorkingCalendar, OvernightAndAcrossTheWeekend) {
  const auto c = office();
  EXPECT_DOUBLE_EQ(c.add_working_time(at(0, 17), hours(2)), at(1, 9));     // Mon 17:00 + 2h = Tue 09:00
  EXPECT_DOUBLE_EQ(c.add_working_time(at(4, 16), hours(4)), at(7, 10));    // Fri 16:00 + 4h = Mon 10:00
  EXPECT_DOUBLE_EQ(c.working_time_between(at(4, 16), at(7, 10)), hours(4));
  EXPECT_DOUBLE_EQ(c.add_working_time(at(5, 12), hours(1)), at(7, 9));     // starts on Saturday
  EXPECT_DOUBLE_EQ(c.working_time_between(at(5, 0), at(7, 0)), 0.0);       // the weekend itself
  EXPECT_DOUBLE_EQ(c.add_working_time(at(0, 9), hours(50)), at(7, 9));     // one working week
}

TEST(WorkingCalendar, HolidaysHaveNoWorkingTime) {
  const auto c = office({7});  // the second Monday
  EXPECT_DOUBLE_EQ(c.add_working_time(at(4, 16), hours(4)), at(8, 10));  // Fri 16:00 + 4h = Tue 10:00
  EXPECT_DOUBLE_EQ(c.working_time_between(at(4, 16), at(8, 10)), hours(4));
  EXPECT_DOUBLE_EQ(c.working_time_between(at(7, 0), at(8, 0)), 0.0);
}

TEST(WorkingCalendar, PausedClockCountsOnlyTheUnpausedWorkingTime) {
  // A resolution clock started Mon 09:00, paused (pending user) Mon 12:00 - Wed 12:00, stopped
  // Thu 10:00: 3h + Wed 12-18 (6h) + Thu 8-10 (2h) = 11 working hours.
  const auto c = office();
  const Time elapsed = c.working_time_between(at(0, 9), at(3, 10)) - c.working_time_between(at(0, 12), at(2, 12));
  EXPECT_DOUBLE_EQ(elapsed, hours(11));
}

TEST(WorkingCalendar, RoundTheClock) {
  const auto c = WorkingCalendar::always();
  EXPECT_TRUE(c.always_working());
  EXPECT_DOUBLE_EQ(c.add_working_time(at(5, 23), hours(3)), at(6, 2));
  EXPECT_DOUBLE_EQ(c.working_time_between(at(5, 23), at(6, 2)), hours(3));
}

TEST(WorkingCalendar, OriginWeekdayShiftsTheWeek) {
  // Day 0 is a Saturday (weekday 5): the first working instant is day 2 at 08:00.
  std::vector<WorkingInterval> week;
  for (int d = 0; d < 5; ++d) week.push_back({d, hours(8), hours(18)});
  const WorkingCalendar c(week, {}, 5);
  EXPECT_DOUBLE_EQ(c.add_working_time(0.0, hours(1)), at(2, 9));
}

TEST(WorkingCalendar, AddAndBetweenAreInverse) {
  const auto c = office({3, 10, 11});
  RandomStream s(7, 0, stream_id_for("test.calendar"));
  for (int i = 0; i < 2000; ++i) {
    const Time start = s.uniform() * days(30);
    const Time duration = s.uniform() * hours(80);
    const Time end = c.add_working_time(start, duration);
    ASSERT_GE(end, start);
    ASSERT_NEAR(c.working_time_between(start, end), duration, 1e-6);
  }
}

/// The definition, walked minute by minute: the reference for the day-at-a-time arithmetic.
Time working_minutes_walked(const WorkingCalendar& c, Time a, Time b) {
  Time total = 0;
  for (Time t = a; t < b; t += 60.0) total += c.working_time_between(t, std::min(t + 60.0, b)) > 0 ? std::min(60.0, b - t) : 0;
  return total;
}

TEST(WorkingCalendar, WholeDaysAndHolidayRunsMatchAWalkMinuteByMinute) {
  // Split days, a weekend, and holidays back to back (a long weekend, a week off): whole days are
  // consumed in one step, and the deadline must be the one a walk finds.
  std::vector<WorkingInterval> week;
  for (int d = 0; d < 5; ++d) {
    week.push_back({d, hours(8), hours(12.5)});
    week.push_back({d, hours(13), hours(17)});
  }
  week.push_back({5, hours(9), hours(12)});
  const WorkingCalendar c(week, {4, 7, 14, 15, 16, 17, 18, 30}, 0);
  RandomStream s(11, 0, stream_id_for("test.calendar.walk"));
  for (int i = 0; i < 300; ++i) {
    const Time start = std::floor(s.uniform() * days(20) / 60.0) * 60.0;  // on the minute: the walk is exact
    const Time duration = std::floor(s.uniform() * hours(90) / 60.0) * 60.0 + 60.0;
    const Time end = c.add_working_time(start, duration);
    ASSERT_DOUBLE_EQ(working_minutes_walked(c, start, end), duration) << "start " << start << " duration " << duration;
    ASSERT_GT(c.working_time_between(end - 1.0, end), 0.0) << "the deadline must end working time, not follow a gap";
  }
}

// The calendar's walks, one day at a time, as they were before they crossed whole weeks at once:
// `days` holds each weekday's sorted, disjoint intervals, and day 0 is a Monday.
struct DayByDay {
  std::array<std::vector<std::pair<double, double>>, 7> days;
  std::vector<std::int64_t> holidays;  // sorted
  bool holiday(std::int64_t d) const { return std::binary_search(holidays.begin(), holidays.end(), d); }
  double day_seconds(int w) const {
    double total = 0;
    for (const auto& [s, e] : days[w]) total += e - s;
    return total;
  }
  Time add(Time start, Time remaining) const {
    for (auto day = static_cast<std::int64_t>(std::floor(start / 86400.0)), first = day;; ++day) {
      if (holiday(day)) continue;
      const int w = static_cast<int>(day % 7);
      if (day != first && remaining > day_seconds(w)) {
        remaining -= day_seconds(w);
        continue;
      }
      for (const auto& [s, e] : days[w]) {
        const Time hi = day * 86400.0 + e, lo = std::max(start, day * 86400.0 + s);
        if (hi <= lo) continue;
        if (remaining <= hi - lo) return lo + remaining;
        remaining -= hi - lo;
      }
    }
  }
  Time between(Time a, Time b) const {
    Time total = 0;
    const auto first = static_cast<std::int64_t>(std::floor(a / 86400.0));
    const auto last = static_cast<std::int64_t>(std::floor(b / 86400.0));
    for (std::int64_t day = first; day <= last; ++day) {
      if (holiday(day)) continue;
      const int w = static_cast<int>(day % 7);
      if (day > first && day < last) {
        total += day_seconds(w);
        continue;
      }
      for (const auto& [s, e] : days[w]) {
        const Time lo = std::max(a, day * 86400.0 + s), hi = std::min(b, day * 86400.0 + e);
        if (hi > lo) total += hi - lo;
      }
    }
    return total;
  }
};

TEST(WorkingCalendar, WholeWeeksAtOnceGiveTheBitsOfADayByDayWalk) {
  // Split days and a Saturday morning; holidays alone, in a long weekend and in a fortnight off,
  // so that some spans cross whole free weeks and others stop at a holiday. Times are arbitrary
  // doubles (not whole seconds), spans up to ten weeks, over two years.
  DayByDay walk;
  std::vector<WorkingInterval> week;
  for (int d = 0; d < 5; ++d) {
    week.push_back({d, hours(8), hours(12.5)});
    week.push_back({d, hours(13), hours(17)});
    walk.days[d] = {{hours(8), hours(12.5)}, {hours(13), hours(17)}};
  }
  week.push_back({5, hours(9), hours(12)});
  walk.days[5] = {{hours(9), hours(12)}};
  walk.holidays = {4, 7, 14, 15, 16, 17, 18, 30, 100, 101, 200, 201, 202, 203, 204, 205, 206, 207, 208, 209, 210, 211, 400};
  const WorkingCalendar c(week, walk.holidays, 0);
  RandomStream s(13, 0, stream_id_for("test.calendar.weeks"));
  int long_spans = 0;
  for (int i = 0; i < 20000; ++i) {
    const Time start = s.uniform() * days(730);
    const Time duration = s.uniform() * (i % 2 == 0 ? hours(400) : hours(40));
    const Time end = c.add_working_time(start, duration);
    ASSERT_EQ(end, walk.add(start, duration)) << "start " << start << " duration " << duration;
    const Time b = start + s.uniform() * days(70);
    ASSERT_EQ(c.working_time_between(start, b), walk.between(start, b)) << "a " << start << " b " << b;
    long_spans += end - start > days(8) ? 1 : 0;
  }
  EXPECT_GT(long_spans, 1000);  // the week steps were taken
}

TEST(WorkingCalendar, RejectsBadDefinitions) {
  std::string error;
  EXPECT_FALSE(WorkingCalendar({}, {}, 0).IsValid(&error));
  EXPECT_NE(error.find("working time"), std::string::npos);
  EXPECT_FALSE(WorkingCalendar({{0, hours(18), hours(8)}}, {}, 0).IsValid(&error));
  EXPECT_FALSE(WorkingCalendar({{9, hours(8), hours(18)}}, {}, 0).IsValid(&error));
  EXPECT_TRUE(office().IsValid(&error));
}

}  // namespace
}  // namespace desksim::sim

#include "models/optimise/shift_cover.hpp"

#include <algorithm>
#include <limits>

namespace desksim::models {

namespace {

struct Shift {
  std::size_t start, length;
};

/// Latest allowed start s with s <= t (cyclically) and (t - s) mod period < max_length, or period
/// when none.
std::size_t latest_start_covering(const ShiftPattern& p, std::size_t t, std::size_t max_length) {
  std::size_t best = p.period, best_back = p.period;
  for (std::size_t s : p.starts) {
    const std::size_t back = (t + p.period - s) % p.period;
    if (back < max_length && back < best_back) best = s, best_back = back;
  }
  return best;
}

ShiftCover cover_from(const std::vector<std::uint32_t>& required, const ShiftPattern& p, std::size_t origin,
                      std::size_t max_length) {
  const std::size_t n = p.period;
  std::vector<std::int64_t> coverage(n, 0);
  std::vector<Shift> shifts;
  auto add = [&](const Shift& s, int sign) {
    for (std::size_t i = 0; i < s.length; ++i) coverage[(s.start + i) % n] += sign;
  };
  for (std::size_t k = 0; k < n; ++k) {
    const std::size_t t = (origin + k) % n;
    while (coverage[t] < static_cast<std::int64_t>(required[t])) {
      const std::size_t start = latest_start_covering(p, t, max_length);
      // The length covering t that covers the most short slots per slot paid for; ties go longer.
      std::size_t best_length = 0;
      double best_value = -1;
      for (std::size_t length : p.lengths) {
        if ((t + n - start) % n >= length) continue;
        std::size_t useful = 0;
        for (std::size_t i = 0; i < length; ++i) {
          const std::size_t u = (start + i) % n;
          if (coverage[u] < static_cast<std::int64_t>(required[u])) ++useful;
        }
        const double value = static_cast<double>(useful) / static_cast<double>(length);
        if (value > best_value + 1e-12 || (value > best_value - 1e-12 && length > best_length))
          best_value = value, best_length = length;
      }
      const Shift s{start, best_length};
      add(s, +1);
      shifts.push_back(s);
    }
  }
  // Drop shifts the cover does not need, longest first (they save the most).
  std::vector<std::size_t> order(shifts.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return shifts[a].length > shifts[b].length; });
  std::vector<bool> kept(shifts.size(), true);
  for (std::size_t i : order) {
    bool needed = false;
    for (std::size_t j = 0; j < shifts[i].length && !needed; ++j) {
      const std::size_t u = (shifts[i].start + j) % n;
      needed = coverage[u] - 1 < static_cast<std::int64_t>(required[u]);
    }
    if (!needed) add(shifts[i], -1), kept[i] = false;
  }
  // Shorten each shift kept to the shortest allowed length the cover still allows.
  for (std::size_t i = 0; i < shifts.size(); ++i) {
    if (!kept[i]) continue;
    for (std::size_t length : p.lengths) {
      if (length >= shifts[i].length) break;  // lengths are increasing
      bool fits = true;
      for (std::size_t j = length; j < shifts[i].length && fits; ++j) {
        const std::size_t u = (shifts[i].start + j) % n;
        fits = coverage[u] - 1 >= static_cast<std::int64_t>(required[u]);
      }
      if (!fits) continue;
      for (std::size_t j = length; j < shifts[i].length; ++j) --coverage[(shifts[i].start + j) % n];
      shifts[i].length = length;
      break;
    }
  }
  ShiftCover out;
  out.on_duty.resize(n);
  for (std::size_t t = 0; t < n; ++t) {
    out.on_duty[t] = static_cast<std::uint32_t>(coverage[t]);
    out.staffed_slots += static_cast<std::uint64_t>(coverage[t]);
  }
  for (bool k : kept) out.shifts += k ? 1 : 0;
  return out;
}

}  // namespace

bool ShiftPattern::IsValid(std::string* error) const {
  auto fail = [error](const std::string& m) {
    if (error) *error = m;
    return false;
  };
  if (period == 0) return fail("period: must be >= 1");
  if (starts.empty()) return fail("starts: must not be empty");
  if (lengths.empty()) return fail("lengths: must not be empty");
  for (std::size_t s : starts)
    if (s >= period) return fail("starts: " + std::to_string(s) + " is not below the period " + std::to_string(period));
  for (std::size_t l : lengths)
    if (l == 0 || l > period) return fail("lengths: " + std::to_string(l) + " is not in 1.." + std::to_string(period));
  const std::size_t longest = *std::max_element(lengths.begin(), lengths.end());
  for (std::size_t t = 0; t < period; ++t)
    if (latest_start_covering(*this, t, longest) == period)
      return fail("no allowed shift covers slot " + std::to_string(t) +
                  ": the gap between allowed starts is longer than the longest shift");
  return true;
}

ShiftPattern weekly_pattern(const std::vector<std::uint32_t>& start_half_hours,
                            const std::vector<std::uint32_t>& lengths_half_hours) {
  ShiftPattern p;
  p.period = 336;
  std::vector<std::uint32_t> daily = start_half_hours;
  if (daily.empty())
    for (std::uint32_t s = 0; s < 48; ++s) daily.push_back(s);
  std::sort(daily.begin(), daily.end());
  daily.erase(std::unique(daily.begin(), daily.end()), daily.end());
  for (std::size_t d = 0; d < 7; ++d)
    for (std::uint32_t s : daily) p.starts.push_back(d * 48 + s);
  for (std::uint32_t l : lengths_half_hours) p.lengths.push_back(l);
  if (p.lengths.empty()) p.lengths.push_back(16);
  std::sort(p.lengths.begin(), p.lengths.end());
  p.lengths.erase(std::unique(p.lengths.begin(), p.lengths.end()), p.lengths.end());
  return p;
}

ShiftCover cover_with_shifts(const std::vector<std::uint32_t>& required, const ShiftPattern& given) {
  ShiftPattern pattern = given;  // lengths in increasing order, as the shortening pass needs
  std::sort(pattern.lengths.begin(), pattern.lengths.end());
  const std::size_t longest = *std::max_element(pattern.lengths.begin(), pattern.lengths.end());
  ShiftCover best;
  best.staffed_slots = std::numeric_limits<std::uint64_t>::max();
  bool any = false;
  for (std::uint32_t r : required) any = any || r > 0;
  if (!any) return ShiftCover{std::vector<std::uint32_t>(pattern.period, 0), 0, 0};
  for (std::size_t origin = 0; origin < pattern.period; ++origin) {
    // An origin only matters where the requirement rises: the scan starting there sees the same
    // shortfalls as one starting a slot earlier otherwise.
    const std::size_t previous = (origin + pattern.period - 1) % pattern.period;
    if (required[origin] <= required[previous] && origin != 0) continue;
    ShiftCover c = cover_from(required, pattern, origin, longest);
    if (c.staffed_slots < best.staffed_slots) best = std::move(c);
  }
  return best;
}

}  // namespace desksim::models

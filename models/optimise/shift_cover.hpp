#pragma once
// Turning a requirement of staff per slot into shifts that cover it: the set-covering problem
//   minimise  sum over shifts of length x count   subject to   coverage(t) >= required(t) for all t
// over a cyclic period (the week: 336 half-hours; a shift may wrap from the end into the start).
// Solved greedily, not by an integer program, so that no solver library is needed:
//   for each choice of origin slot (where the scan starts), scan the slots in order; at each slot
//   whose coverage falls short, add the missing shifts at the latest allowed start that covers it,
//   each with the length that covers the most still-short slots per slot paid for (ties: longer);
//   then drop any shift the cover does not need; keep the cheapest cover over all origins.
// On a line with one shift length and every start allowed, starting each shift at the first slot
// short is optimal (an exchange argument); trying every origin carries that to the cycle. With
// restricted starts or several lengths it is a heuristic; tests/models/shift_cover_test.cpp checks
// it against exhaustive search on small cases.
#include <cstdint>
#include <string>
#include <vector>

namespace desksim::models {

struct ShiftPattern {
  /// Slots in the cycle (336 for a week of half-hours).
  std::size_t period = 336;
  /// Slots (0 <= s < period) at which a shift may start, increasing, not empty.
  std::vector<std::size_t> starts;
  /// Shift lengths in slots (1 <= L <= period), not empty.
  std::vector<std::size_t> lengths;

  /// False with *error naming the violated constraint, including a slot no allowed shift covers.
  bool IsValid(std::string* error) const;
};

/// The week's pattern from the daily rules: starts at each of `start_half_hours` (0..47) of each of
/// the 7 days; `lengths_half_hours` as they are.
ShiftPattern weekly_pattern(const std::vector<std::uint32_t>& start_half_hours,
                            const std::vector<std::uint32_t>& lengths_half_hours);

struct ShiftCover {
  std::vector<std::uint32_t> on_duty;  ///< staff on duty per slot (>= required)
  std::size_t shifts = 0;              ///< shifts in the cover
  std::uint64_t staffed_slots = 0;     ///< sum of on_duty (what the cover costs, in slots)
};

/// The greedy cover described above. `required` has pattern.period entries; the pattern must be valid.
ShiftCover cover_with_shifts(const std::vector<std::uint32_t>& required, const ShiftPattern& pattern);

}  // namespace desksim::models

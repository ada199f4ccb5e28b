#include "models/station/tickets_in_hand_pool.hpp"

#include <algorithm>
#include <bit>

namespace desksim::models {

TicketsInHandPool::TicketsInHandPool(std::uint32_t places_per_person)
    : k_(places_per_person), per_place_(1.0 / places_per_person) {}

void TicketsInHandPool::count(std::uint32_t p, int sign) {
  if (!on_duty(p)) return;
  const auto s = static_cast<std::int64_t>(sign);
  people_on_duty_ = static_cast<std::uint32_t>(people_on_duty_ + s);
  if (people_[p].repairing) {
    repairing_ = static_cast<std::uint32_t>(repairing_ + s);
    return;
  }
  on_duty_not_repairing_ = static_cast<std::uint32_t>(on_duty_not_repairing_ + s);
  held_on_duty_ = static_cast<std::uint64_t>(static_cast<std::int64_t>(held_on_duty_) + s * held(p));
}

void TicketsInHandPool::set_on_duty(std::uint32_t people) {
  while (people_.size() < people) {
    Person person;
    const auto first = static_cast<std::uint32_t>(people_.size()) * k_;
    // Highest place first, so that the back (taken first) is the person's place 0: a fixed order.
    for (std::uint32_t j = k_; j-- > 0;) person.free.push_back(first + j);
    people_.push_back(std::move(person));
  }
  if (people_.size() > leaves_ || fewest_.empty()) rebuild();
  // Only the people between the old and the new roster change: each leaves or joins the duty.
  const std::uint32_t changed_from = std::min(people, target_), changed_to = std::max(people, target_);
  for (std::uint32_t p = changed_from; p < changed_to; ++p) count(p, -1);
  target_ = people;
  for (std::uint32_t p = changed_from; p < changed_to; ++p) {
    count(p, +1);
    refresh(p);
  }
}

std::uint64_t TicketsInHandPool::leaf(std::uint32_t p) const {
  return p < target_ && !people_[p].repairing ? (static_cast<std::uint64_t>(held(p)) << 32) | p : kNobody;
}

void TicketsInHandPool::refresh(std::uint32_t p) {
  std::size_t node = leaves_ + p;
  fewest_[node] = leaf(p);
  for (node /= 2; node >= 1; node /= 2) fewest_[node] = std::min(fewest_[2 * node], fewest_[2 * node + 1]);
}

void TicketsInHandPool::rebuild() {
  leaves_ = std::bit_ceil(std::max<std::size_t>(people_.size(), 1));
  fewest_.assign(2 * leaves_, kNobody);
  for (std::uint32_t p = 0; p < people_.size(); ++p) fewest_[leaves_ + p] = leaf(p);
  for (std::size_t node = leaves_ - 1; node >= 1; --node) fewest_[node] = std::min(fewest_[2 * node], fewest_[2 * node + 1]);
}

std::uint32_t TicketsInHandPool::take() {
  std::uint32_t place = 0;
  change(fewest_held_on_duty(), [&](Person& person) {
    place = person.free.back();
    person.free.pop_back();
  });
  return place;
}

void TicketsInHandPool::release(std::uint32_t place) {
  change(place / k_, [&](Person& person) { person.free.push_back(place); });
}

std::uint32_t TicketsInHandPool::start_repair() {
  const std::uint32_t p = fewest_held_on_duty();
  change(p, [](Person& person) { person.repairing = true; });
  return p;
}

void TicketsInHandPool::end_repair(std::uint32_t person) {
  change(person, [](Person& p) { p.repairing = false; });
}

}  // namespace desksim::models

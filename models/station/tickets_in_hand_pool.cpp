#include "models/station/tickets_in_hand_pool.hpp"

#include <algorithm>

namespace desksim::models {

TicketsInHandPool::TicketsInHandPool(std::uint32_t places_per_person)
    : k_(places_per_person), per_place_(1.0 / places_per_person) {}

void TicketsInHandPool::count(std::uint32_t p, int sign) {
  const Person& person = people_[p];
  const auto s = static_cast<std::int64_t>(sign);
  if (!on_duty(p)) return;
  people_on_duty_ = static_cast<std::uint32_t>(people_on_duty_ + s);
  if (person.repairing) {
    repairing_ = static_cast<std::uint32_t>(repairing_ + s);
    return;
  }
  on_duty_not_repairing_ = static_cast<std::uint32_t>(on_duty_not_repairing_ + s);
  held_on_duty_ = static_cast<std::uint64_t>(static_cast<std::int64_t>(held_on_duty_) + s * person.held);
  free_on_duty_ = static_cast<std::uint64_t>(static_cast<std::int64_t>(free_on_duty_) + s * (k_ - person.held));
}

void TicketsInHandPool::set_on_duty(std::uint32_t people) {
  while (people_.size() < people) {
    Person person;
    const auto first = static_cast<std::uint32_t>(people_.size()) * k_;
    // Highest place first, so that the back (taken first) is the person's place 0: a fixed order.
    for (std::uint32_t j = k_; j-- > 0;) person.free.push_back(first + j);
    people_.push_back(std::move(person));
  }
  const std::uint32_t changed_from = std::min(people, target_), changed_to = std::max(people, target_);
  for (std::uint32_t p = changed_from; p < changed_to; ++p) count(p, -1);
  target_ = people;
  for (std::uint32_t p = changed_from; p < changed_to; ++p) count(p, +1);
}

std::uint32_t TicketsInHandPool::fewest_held_on_duty() const {
  std::uint32_t best = 0;
  bool found = false;
  for (std::uint32_t p = 0; p < people_.size(); ++p) {
    if (!on_duty(p) || people_[p].repairing) continue;
    if (!found || people_[p].held < people_[best].held) best = p, found = true;
  }
  return best;
}

std::uint32_t TicketsInHandPool::take() {
  std::uint32_t p = fewest_held_on_duty();
  count(p, -1);
  Person& person = people_[p];
  const std::uint32_t place = person.free.back();
  person.free.pop_back();
  ++person.held;
  count(p, +1);
  return place;
}

void TicketsInHandPool::release(std::uint32_t place) {
  const std::uint32_t p = place / k_;
  count(p, -1);
  Person& person = people_[p];
  person.free.push_back(place);
  --person.held;
  count(p, +1);
}

std::uint32_t TicketsInHandPool::start_repair() {
  const std::uint32_t p = fewest_held_on_duty();
  count(p, -1);
  people_[p].repairing = true;
  count(p, +1);
  return p;
}

void TicketsInHandPool::end_repair(std::uint32_t person) {
  count(person, -1);
  people_[person].repairing = false;
  count(person, +1);
}

}  // namespace desksim::models

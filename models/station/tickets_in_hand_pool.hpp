#pragma once
// The people of a station who each hold up to k tickets at once (a resolver group's tickets in hand,
// k > 1). A ticket export records how long a group held a ticket, through nights and weekends, so a
// ticket keeps its place with its person from service start to its end whether or not that person is
// on duty; only a person on duty takes a new ticket, so the roster decides how many tickets can be
// taken on, not how long one is held. A new ticket goes to the person on duty holding the fewest
// (the lowest index among equals), as a team lead hands work to whoever has least in hand.
//
// A repair (an engineer the group lends to infrastructure) takes a whole person on duty, the one
// holding the fewest, who takes no new ticket until it ends; the tickets in that person's hand go on.
// People 0..n-1 are on duty when the roster says n; a person repairing stays on duty until the repair
// ends. Busy: a person on duty holding h tickets is h/k busy, one repairing wholly busy, so busy
// never exceeds the people on duty and busy / on duty is how full their hands are. Tickets held by
// people off duty are not counted: their holders are not at work.
#include <cstdint>
#include <vector>

#include "models/station/server_pool.hpp"

namespace desksim::models {

class TicketsInHandPool final : public ServerPool {
 public:
  explicit TicketsInHandPool(std::uint32_t places_per_person);

  /// People on duty from now: 0..people-1 (plus anyone still repairing).
  void set_on_duty(std::uint32_t people) override;
  /// A person on duty, not repairing, has a free place.
  bool can_take() const override {
    return static_cast<std::uint64_t>(on_duty_not_repairing_) * k_ > held_on_duty_;
  }
  /// Takes a free place of the person on duty holding the fewest; returns the place (person * k + j).
  std::uint32_t take() override;
  /// The ticket in `place` is done: the place is free again.
  void release(std::uint32_t place) override;
  /// A person on duty is not repairing.
  bool can_repair() const override { return on_duty_not_repairing_ > 0; }
  /// Takes the person on duty holding the fewest for a repair; returns the person.
  std::uint32_t start_repair() override;
  void end_repair(std::uint32_t person) override;

  /// The busy among the people on duty: held / k, and 1 per person repairing.
  double busy() const override { return static_cast<double>(held_on_duty_) * per_place_ + repairing_; }
  double on_duty() const override { return people_on_duty_; }
  /// Places there are (people ever on duty x k): the largest place + 1.
  std::uint32_t places() const override { return static_cast<std::uint32_t>(people_.size()) * k_; }

 private:
  struct Person {
    bool repairing = false;
    std::vector<std::uint32_t> free;  ///< free places, taken from the back
  };
  std::uint32_t held(std::uint32_t p) const { return k_ - static_cast<std::uint32_t>(people_[p].free.size()); }
  bool on_duty(std::uint32_t p) const { return p < target_ || people_[p].repairing; }
  /// Changes person p (`change` edits the Person) and keeps the running totals and the tree up to date.
  template <typename Change>
  void change(std::uint32_t p, Change&& change) {
    count(p, -1);
    change(people_[p]);
    count(p, +1);
    refresh(p);
  }
  /// Adds (sign +1) or removes (-1) person p's share of the running totals.
  void count(std::uint32_t p, int sign);
  /// The person on duty and not repairing who holds the fewest, the lowest index among equals.
  std::uint32_t fewest_held_on_duty() const { return static_cast<std::uint32_t>(fewest_[1]); }
  /// Person p's leaf: held << 32 | p if p may take a ticket, kNobody otherwise.
  std::uint64_t leaf(std::uint32_t p) const;
  /// Puts person p's leaf into the tree after a change.
  void refresh(std::uint32_t p);
  void rebuild();

  std::uint32_t k_;
  double per_place_;
  std::vector<Person> people_;
  // Who takes the next ticket, in O(log people) rather than a scan of the group at every ticket (the
  // scan was some 15% of a run at 4.4 million users, where groups have thousands of people): a
  // tournament tree over the people's leaves, each node the least of its two children.
  static constexpr std::uint64_t kNobody = ~std::uint64_t{0};
  std::size_t leaves_ = 0;             // a power of two >= people_.size()
  std::vector<std::uint64_t> fewest_;  // fewest_[1] is the root; leaf p at leaves_ + p
  std::uint32_t target_ = 0;
  std::uint64_t held_on_duty_ = 0;   ///< tickets held by people on duty and not repairing
  std::uint32_t on_duty_not_repairing_ = 0, people_on_duty_ = 0, repairing_ = 0;
};

}  // namespace desksim::models

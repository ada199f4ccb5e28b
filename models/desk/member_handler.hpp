#pragma once
// Lets one model own several kinds of kernel event: each kind is a tiny EventHandler forwarding to
// a member function (no std::function, no allocation per event). The kernel's prefetch hint goes to
// the model's `Prefetch` member.
#include <cstdint>

#include "sim/kernel/event_kernel.hpp"

namespace desksim::models {

template <typename Model, void (Model::*Method)(sim::Time, std::uint64_t),
          void (Model::*Prefetch)(std::uint64_t) const>
class MemberHandler final : public sim::EventHandler {
 public:
  explicit MemberHandler(Model* model) : model_(model) {}
  void on_event(sim::Time now, std::uint64_t payload) override { (model_->*Method)(now, payload); }
  void prefetch(std::uint64_t payload) const override { (model_->*Prefetch)(payload); }

 private:
  Model* model_;
};

}  // namespace desksim::models

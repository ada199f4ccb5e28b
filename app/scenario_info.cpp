#include "app/scenario_info.hpp"

#include <algorithm>
#include <string>

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>

#include "analysis/export/fnv1a.hpp"

namespace desksim::app {

void describe_scenario(const scenario::Scenario& scenario, results::ScenarioInfo* out) {
  out->set_name(scenario.name());
  out->set_description(scenario.description());
  std::string bytes;
  {
    google::protobuf::io::StringOutputStream stream(&bytes);
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.SetSerializationDeterministic(true);  // map order fixed: same scenario, same bytes
    scenario.SerializeToCodedStream(&coded);
  }
  out->set_fingerprint(analysis::fnv1a(bytes));
  out->set_start_date(scenario.run().start_date());
  out->set_horizon_hours(scenario.run().horizon_hours());
  out->set_warmup_hours(scenario.run().warmup_hours());
  out->set_desk_supplier(scenario.desk().supplier());
  for (const auto& sla : scenario.slas()) {
    auto* s = out->add_suppliers();
    s->set_name(sla.supplier());
    for (const auto& t : sla.targets()) {
      auto* target = s->add_targets();
      target->set_priority(t.priority());
      target->set_response_minutes(t.response_minutes());
      target->set_resolution_hours(t.resolution_hours());
      target->set_calendar(t.calendar().empty() ? "24x7" : t.calendar());
    }
    for (const auto& supplier : scenario.resolver_network().suppliers()) {
      if (supplier.name() != sla.supplier()) continue;
      double threshold = 0;  // the highest band: below it the first credit is paid
      for (const auto& band : supplier.contract().bands())
        threshold = std::max(threshold, band.attainment_below_percent());
      s->set_attainment_target_percent(threshold);
      s->set_monthly_fee_pounds(supplier.contract().monthly_fee_pounds());
    }
  }
}

}  // namespace desksim::app

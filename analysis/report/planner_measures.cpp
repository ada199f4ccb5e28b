#include "analysis/report/planner_measures.hpp"

namespace desksim::analysis {

namespace {

constexpr PlannerMeasure kMeasures[] = {
    {"sla.resolution_attainment.mean", "SLA resolution"},
    {"sla.response_attainment.mean", "SLA response"},
    {"desk.wait_hours.mean", "wait to answer"},
    {"desk.abandon.mean", "abandoned"},
    {"desk.utilisation.mean", "agents busy"},
    {"tickets.open.mean", "open tickets"},
    {"tickets.resolve_hours.mean", "time to resolve"},
    {"staff.fte", "staff"},
    {"cost.total_pounds", "staff + credits"},
};

constexpr PlannerMeasure kMonthly[] = {
    {"sla.resolution_attainment_per_month", "SLA resolution"},
    {"tickets.open_per_month", "open tickets"},
    {"desk.wait_hours_per_month", "wait to answer"},
    {"staff.fte_per_month", "staff"},
    {"cost.total_pounds_per_month", "staff + credits"},
};

}  // namespace

std::span<const PlannerMeasure> planner_measures() { return kMeasures; }
std::span<const PlannerMeasure> planner_monthly_series() { return kMonthly; }

}  // namespace desksim::analysis

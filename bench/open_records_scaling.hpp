#pragma once
// The floor under the users series of bench/population_scaling: the plain loop of
// bench/open_records.hpp scaled as desksim's users are (the baseline's tickets a year and tickets
// open at once, times 0.1, 1 and 10; 100 with `largest`): the event heap alone, desksim's event
// queue alone, the heap with the records, then with the next event's record prefetched, and that
// on desksim's event queue (what desksim itself holds and does per open ticket, and no more). One JSON line per run, with the CPU per ticket, so that the growth per 10x the tickets
// that memory alone causes can be set beside desksim's.
namespace desksim::bench {

void open_records_scaling(bool largest);

}  // namespace desksim::bench

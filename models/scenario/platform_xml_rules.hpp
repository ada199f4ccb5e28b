#pragma once
// What a SimGrid XML platform given to desksim may not contain, checked on the XML itself before
// SimGrid loads it (SimGrid aborts the process on some of these, and the others would quietly
// contradict what desksim simulates):
//  - <config> elements: they set SimGrid's own options (debug/breakpoint traps the process, others
//    change the clock or the solver), which desksim sets itself;
//  - state profiles (a host's or link's state_file, or a <trace_connect> of kind HOST_AVAIL or
//    LINK_AVAIL): they switch resources off and on behind desksim's back (a host off at time 0 cannot
//    run desksim's processes; a component switched off by a profile is down while the services that
//    need it are counted up), whereas desksim fails and repairs components itself;
//  - names beginning with "__": SimGrid's own (such as __loopback__).
#include <string>
#include <vector>

namespace desksim::models {

/// One message per problem, each naming the element; a file that is not well-formed XML gives one
/// message with the parser's reason and line.
std::vector<std::string> platform_xml_problems(const std::string& path);

}  // namespace desksim::models

#pragma once
// A message's proto3 JSON mapping as desksim writes it next to every binary output: field names as in
// the .proto file, every field printed (zero or not), one space of indent per level.
//
// Why not protobuf's own util::MessageToJsonString, which this reproduces byte for byte (a test
// checks it on a whole run's results): protobuf 3.21 serialises the message to binary, parses that
// back through a type resolver into a tree of nodes, and prints each double twice with snprintf
// ("%.15g", read back with strtod, then "%.17g" if it did not round-trip). Measured with callgrind on
// the baseline's results, that was 340 million instructions for 40,000 numbers, a third of what a
// one-replication run spends outside the simulation. This walks the message with protobuf's
// reflection once and prints numbers with std::to_chars, which gives the same digits.
//
// Messages that use what results never do (maps, oneofs, google.protobuf well-known types) are
// handed to protobuf's converter instead, so the mapping stays protobuf's for any message.
#include <string>

#include <google/protobuf/message.h>

namespace desksim::analysis {

/// The JSON text of `message`, ending in a newline.
std::string json_text(const google::protobuf::Message& message);

/// The same through protobuf's converter (util::MessageToJsonString with the same options): the
/// reference json_text() is tested against, and its fallback.
std::string protobuf_json_text(const google::protobuf::Message& message);

}  // namespace desksim::analysis

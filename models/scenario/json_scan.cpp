#include "models/scenario/json_scan.hpp"

#include <cctype>
#include <cstddef>
#include <iterator>
#include <set>

#include <nlohmann/json.hpp>

#include "models/scenario/input_limits.hpp"

namespace desksim::models {

namespace {

/// "handleTimeMinutes" and "handle_time_minutes" both become "handletimeminutes"; indices stay.
std::string normalise(const std::string& path) {
  std::string out;
  out.reserve(path.size());
  for (char c : path)
    if (c != '_') out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

/// Drops the last ".name" or "[i]" of a path; false when nothing is left to drop.
bool parent_path(std::string* path) {
  const auto cut = path->find_last_of(".[");
  if (cut == std::string::npos) {
    if (path->empty()) return false;
    path->clear();
    return true;
  }
  path->resize(cut);
  return true;
}

/// A character pointer that remembers the furthest point the parser has read, which nlohmann's SAX
/// callbacks do not tell (only its errors carry a position).
class TrackingIterator {
 public:
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;
  TrackingIterator(const char* at, const char** furthest) : at_(at), furthest_(furthest) {}
  reference operator*() const { return *at_; }
  TrackingIterator& operator++() {
    ++at_;
    if (at_ > *furthest_) *furthest_ = at_;
    return *this;
  }
  TrackingIterator operator++(int) {
    TrackingIterator before = *this;
    ++*this;
    return before;
  }
  bool operator==(const TrackingIterator& other) const { return at_ == other.at_; }
  bool operator!=(const TrackingIterator& other) const { return at_ != other.at_; }

 private:
  const char* at_;
  const char** furthest_;
};

/// Line and column (1-based, bytes) of offsets asked for in increasing order, in one pass overall.
class LineCounter {
 public:
  explicit LineCounter(const std::string& text) : text_(text) {}
  std::pair<int, int> at(std::size_t offset) {
    if (offset < offset_) {  // an earlier place: count again from the start
      offset_ = 0;
      line_ = column_ = 1;
    }
    for (; offset_ < offset && offset_ < text_.size(); ++offset_) {
      if (text_[offset_] == '\n') {
        ++line_;
        column_ = 1;
      } else {
        ++column_;
      }
    }
    return {line_, column_};
  }

 private:
  const std::string& text_;
  std::size_t offset_ = 0;
  int line_ = 1, column_ = 1;
};

class Scanner {
 public:
  using json = nlohmann::json;
  Scanner(const std::string& text, const std::string& name, const char** furthest, JsonLocations* locations,
          std::vector<Diagnostic>* out)
      : text_(text), name_(name), furthest_(furthest), lines_(text), locations_(locations), out_(out) {}

  bool null() { return value(); }
  bool boolean(bool) { return value(); }
  bool number_integer(json::number_integer_t) { return value(); }
  bool number_unsigned(json::number_unsigned_t) { return value(); }
  bool number_float(json::number_float_t, const json::string_t&) { return value(); }
  bool string(json::string_t&) { return value(); }
  bool binary(json::binary_t&) { return value(); }
  bool start_object(std::size_t) { return open(false); }
  bool start_array(std::size_t) { return open(true); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }

  bool key(json::string_t& key) {
    Frame& frame = frames_.back();
    const std::size_t start = key_start();
    const std::string path = frame.path.empty() ? key : frame.path + "." + key;
    if (!frame.keys.insert(key).second) return fail(start, path, "the key \"" + key + "\" is given twice in one object");
    frame.key_path = path;
    const auto [line, column] = lines_.at(start);
    locations_->add(path, line, column);
    return true;
  }

  bool parse_error(std::size_t position, const std::string& last_token, const nlohmann::detail::exception& e) {
    std::string message = e.what();
    if (auto at = message.find("] "); at != std::string::npos) message = message.substr(at + 2);
    if (e.id == 406) {  // out_of_range.406: a number beyond the range of a double; point at its start
      const std::size_t start = position >= last_token.size() ? position - last_token.size() : 0;
      return fail(start, next_path(), "the number " + last_token + " is outside the range of a double (about ±1.8e308)");
    }
    if (auto at = message.find("syntax error"); at != std::string::npos) message = message.substr(at);
    return fail(position > 0 ? position - 1 : 0, {}, "JSON " + message);
  }

 private:
  struct Frame {
    bool array = false;
    int index = 0;
    std::string path;      // as written, e.g. "infrastructure.components[2]"
    std::string key_path;  // path of the value after the last key of an object
    std::set<std::string> keys;
  };

  /// The path of the value that starts now (and counts it, in an array).
  std::string next_path() {
    if (frames_.empty()) return {};
    Frame& parent = frames_.back();
    if (!parent.array) return parent.key_path;
    return parent.path + "[" + std::to_string(parent.index) + "]";
  }

  bool value() {
    if (!frames_.empty() && frames_.back().array) ++frames_.back().index;
    return true;
  }

  bool open(bool array) {
    const std::size_t at = static_cast<std::size_t>(*furthest_ - text_.data()) - 1;  // the brace just read
    const std::string path = next_path();
    const bool in_array = !frames_.empty() && frames_.back().array;
    if (in_array) {
      const auto [line, column] = lines_.at(at);
      locations_->add(path, line, column);
    }
    value();
    if (!array) ++objects_;
    if (objects_ > kMaxMessageNesting || static_cast<int>(frames_.size()) + 1 > 2 * kMaxMessageNesting)
      return fail(at, {},  // the path would be as long as the nesting: the position says where
                  "nested too deep: a scenario nests at most " + std::to_string(kMaxMessageNesting) + " messages");
    Frame frame;
    frame.array = array;
    frame.path = path;
    frames_.push_back(std::move(frame));
    return true;
  }

  bool close() {
    if (!frames_.back().array) --objects_;
    frames_.pop_back();
    return true;
  }

  /// The opening quote of the key the parser has just read (it stops right after the closing one).
  std::size_t key_start() const {
    std::size_t i = static_cast<std::size_t>(*furthest_ - text_.data());
    if (i >= 2) i -= 2;  // the last character inside the quotes
    for (; i > 0; --i) {
      if (text_[i] != '"') continue;
      std::size_t backslashes = 0;
      while (backslashes < i && text_[i - 1 - backslashes] == '\\') ++backslashes;
      if (backslashes % 2 == 0) return i;
    }
    return 0;
  }

  bool fail(std::size_t offset, const std::string& path, const std::string& message) {
    const auto [line, column] = lines_.at(offset);
    out_->push_back(Diagnostic{name_, line, column, path, message});
    return false;
  }

  const std::string& text_;
  const std::string& name_;
  const char** furthest_;
  LineCounter lines_;
  JsonLocations* locations_;
  std::vector<Diagnostic>* out_;
  std::vector<Frame> frames_;
  int objects_ = 0;
};

}  // namespace

void JsonLocations::add(const std::string& path, int line, int column) {
  places_.emplace(normalise(path), std::make_pair(line, column));
}

void JsonLocations::locate(const std::string& path, Diagnostic* d) const {
  std::string p = normalise(path);
  do {
    if (auto it = places_.find(p); it != places_.end()) {
      d->line = it->second.first;
      d->column = it->second.second;
      return;
    }
  } while (parent_path(&p));
  d->line = root_.first;
  d->column = root_.second;
}

bool scan_json(const std::string& text, const std::string& display_name, JsonLocations* locations,
               std::vector<Diagnostic>* diagnostics) {
  const char* furthest = text.data();
  const std::size_t before = diagnostics->size();
  Scanner scanner(text, display_name, &furthest, locations, diagnostics);
  const char* begin = text.data();
  const bool ok = nlohmann::json::sax_parse(TrackingIterator(begin, &furthest),
                                            TrackingIterator(begin + text.size(), &furthest), &scanner);
  if (!ok && diagnostics->size() == before)
    diagnostics->push_back(Diagnostic{display_name, 1, 1, {}, "JSON could not be read"});
  return ok;
}

}  // namespace desksim::models

#include "app/whole_number_option.hpp"

#include <string>

namespace desksim::app {

CLI::Validator whole_number(std::uint64_t low, std::uint64_t high) {
  const std::string range = "a whole number from " + std::to_string(low) + " to " + std::to_string(high);
  return CLI::Validator(
      [low, high, range](std::string& text) -> std::string {
        const std::string refused = "\"" + text + "\" is not " + range;
        if (text.empty() || text.size() > 20) return refused;  // 2^64 - 1 has 20 digits
        std::uint64_t value = 0;
        for (char c : text) {
          if (c < '0' || c > '9') return refused;
          const std::uint64_t digit = static_cast<std::uint64_t>(c - '0');
          if (value > (UINT64_MAX - digit) / 10) return refused;  // would pass 2^64 - 1
          value = value * 10 + digit;
        }
        return value >= low && value <= high ? std::string() : refused;
      },
      range);
}

}  // namespace desksim::app

#pragma once
// One pass over a CSV file, gzip-compressed or plain (zlib reads both), one record at a time, so an
// export of any length is read in bounded memory. RFC 4180: fields may be quoted, quotes doubled
// inside, line breaks inside quotes kept. Reports the line each record starts on, for error messages.
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace desksim::models::calibration {

/// A problem in an input file; what() reads "file:row R: column C: message" as far as known.
class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// "file:row 12: column opened_at: message" (row 0 = no row; empty column = no column).
std::string where(const std::string& file, std::uint64_t row, const std::string& column, const std::string& message);

class CsvStream {
 public:
  /// Throws InputError if the file cannot be opened.
  explicit CsvStream(const std::string& path);
  ~CsvStream();
  CsvStream(const CsvStream&) = delete;
  CsvStream& operator=(const CsvStream&) = delete;

  /// Reads the next record into `fields`; false at end of file. Throws InputError on a quote left
  /// open at the end of the file or a read error. `complete_line()` then says whether the record
  /// ended with a line break (a last line without one may have been cut off).
  bool next(std::vector<std::string>* fields);
  /// Line (1-based) on which the last record started.
  std::uint64_t row() const { return record_line_; }
  bool complete_line() const { return ended_with_newline_; }
  const std::string& path() const { return path_; }

 private:
  int get();  // next byte or -1
  std::string path_;
  void* file_ = nullptr;  // gzFile
  std::vector<char> buffer_;
  std::size_t pos_ = 0, len_ = 0;
  std::uint64_t line_ = 1, record_line_ = 0;
  bool ended_with_newline_ = true;
};

}  // namespace desksim::models::calibration

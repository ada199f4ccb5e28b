#include "models/calibration/csv_stream.hpp"

#include <zlib.h>

namespace desksim::models::calibration {

std::string where(const std::string& file, std::uint64_t row, const std::string& column, const std::string& message) {
  std::string out = file;
  if (row > 0) out += ":row " + std::to_string(row);
  if (!column.empty()) out += ": column " + column;
  return out + ": " + message;
}

CsvStream::CsvStream(const std::string& path) : path_(path), buffer_(1 << 16) {
  // gzopen reads plain files unchanged, so one code path serves .csv and .csv.gz.
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) throw InputError(where(path, 0, "", "cannot open the file"));
  gzbuffer(f, 1 << 17);
  file_ = f;
}

CsvStream::~CsvStream() {
  if (file_ != nullptr) gzclose(static_cast<gzFile>(file_));
}

int CsvStream::get() {
  if (pos_ == len_) {
    const int n = gzread(static_cast<gzFile>(file_), buffer_.data(), static_cast<unsigned>(buffer_.size()));
    if (n < 0) {
      int code = 0;
      const char* message = gzerror(static_cast<gzFile>(file_), &code);
      throw InputError(where(path_, line_, "", std::string("read error: ") + message));
    }
    if (n == 0) return -1;
    len_ = static_cast<std::size_t>(n);
    pos_ = 0;
  }
  return static_cast<unsigned char>(buffer_[pos_++]);
}

bool CsvStream::next(std::vector<std::string>* fields) {
  fields->clear();
  int c = get();
  if (c < 0) return false;
  record_line_ = line_;
  std::string field;
  bool quoted = false, was_quoted = false;
  for (;; c = get()) {
    if (c < 0) {
      if (quoted) throw InputError(where(path_, record_line_, "", "file ends inside a quoted field (truncated last line?)"));
      ended_with_newline_ = false;
      break;
    }
    const char ch = static_cast<char>(c);
    if (quoted) {
      if (ch == '"') {
        const int d = get();
        if (d == '"') {
          field += '"';
          continue;
        }
        quoted = false;
        if (d < 0) {
          ended_with_newline_ = false;
          break;
        }
        c = d;  // fall through with the byte after the closing quote
      } else {
        if (ch == '\n') ++line_;
        field += ch;
        continue;
      }
    }
    const char e = static_cast<char>(c);
    if (e == '"' && field.empty() && !was_quoted) {
      quoted = was_quoted = true;
    } else if (e == ',') {
      fields->push_back(std::move(field));
      field.clear();
      was_quoted = false;
    } else if (e == '\n') {
      ++line_;
      ended_with_newline_ = true;
      break;
    } else if (e != '\r') {
      field += e;
    }
  }
  if (!field.empty() && field.back() == '\r') field.pop_back();
  fields->push_back(std::move(field));
  return true;
}

}  // namespace desksim::models::calibration

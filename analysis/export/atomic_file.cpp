#include "analysis/export/atomic_file.hpp"

#include <filesystem>

#include "analysis/export/staged_files.hpp"

namespace desksim::analysis {

bool write_file_atomically(const std::string& path, const std::string& bytes, std::string* error) {
  const std::filesystem::path p(path);
  StagedFiles files(p.parent_path().empty() ? "." : p.parent_path().string());
  return files.add(p.filename().string(), bytes, error) && files.commit(error);
}

}  // namespace desksim::analysis

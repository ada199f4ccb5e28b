#pragma once
// The output files of one command, written together: each goes to a temporary name beside its
// target, and only when every one of them is complete are they renamed into place, one after the
// other, after checking that each can be (a failure before the renames leaves every earlier output
// as it was and no temporary behind). A reader opening any file sees either the previous run's or
// this run's, never half of one.
//
// A temporary is named <target>.tmp.<host>.<pid>.XXXXXX. A process killed outright (SIGKILL, the
// OOM killer) leaves its temporaries behind; a later commit of the same targets removes those of
// its host whose process no longer exists, and never one of a process still running or of another
// host (a folder shared over NFS).
#include <string>
#include <vector>

namespace desksim::analysis {

class StagedFiles {
 public:
  /// Outputs are named relative to `directory`, which is created when the first is staged.
  explicit StagedFiles(std::string directory);
  ~StagedFiles();  // removes the temporaries of a set that was not committed
  StagedFiles(const StagedFiles&) = delete;
  StagedFiles& operator=(const StagedFiles&) = delete;

  /// Writes `bytes` to a temporary name for `relative` (e.g. "results.json", "csv/runs.csv") and
  /// flushes it to disk. An absolute path names an output outside the directory (the per-ticket
  /// records a run writes where it is told), staged and renamed with the others all the same.
  bool add(const std::string& relative, const std::string& bytes, std::string* error);

  /// Creates an empty temporary file for `relative` and returns its path in *temporary, for a writer
  /// that opens files itself (SQLite). The writer must have closed it before commit().
  bool reserve(const std::string& relative, std::string* temporary, std::string* error);

  /// Renames every staged file into place. Returns false with *error naming the file at fault.
  bool commit(std::string* error);

 private:
  struct Staged {
    std::string temporary, target;
  };
  bool create_temporary(const std::string& relative, int* fd, Staged* staged, std::string* error);
  /// After a commit: removes the temporaries of the committed targets left by dead processes.
  void remove_stale_temporaries(const std::vector<std::string>& targets) const;
  std::string directory_;
  std::vector<Staged> staged_;
};

}  // namespace desksim::analysis

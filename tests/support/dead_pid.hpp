#pragma once
// The number of a process that has just ended: what a temporary file left by a process killed
// outright carries in its name.
#include <sys/wait.h>
#include <unistd.h>

namespace desksim::testing {

inline long dead_pid() {
  const pid_t child = ::fork();
  if (child == 0) ::_exit(0);
  int status = 0;
  ::waitpid(child, &status, 0);
  return child;
}

}  // namespace desksim::testing

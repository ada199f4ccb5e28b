// desksim-mpi: runs a desksim run, sweep or staffing optimiser over the ranks of an MPI job (README, "Running across
// machines"). A separate executable from desksim because Debian's SimGrid exports MPI_* symbols of
// its own (SMPI), which clash with Open MPI's: this program links MPI and no SimGrid, and runs each
// task as a desksim child process.
#include <mpi.h>

#include <iostream>
#include <string>

#include "launcher/child_process.hpp"
#include "launcher/launcher_options.hpp"
#include "launcher/roles.hpp"

#if defined(__SANITIZE_ADDRESS__)  // GCC
#define DESKSIM_MPI_ADDRESS_SANITIZER 1
#elif defined(__has_feature)  // clang
#if __has_feature(address_sanitizer)
#define DESKSIM_MPI_ADDRESS_SANITIZER 1
#endif
#endif
#ifdef DESKSIM_MPI_ADDRESS_SANITIZER
// In builds with AddressSanitizer (DESKSIM_SANITIZE): Open MPI's plugins, which it loads and unloads
// with dlopen, leave allocations that LeakSanitizer reports with no module name to suppress them by,
// and so fail every run. Leak checking is off for this program only; the other checks stay, and the
// scheduling rules are leak-checked in their own tests (tests/launcher), which do not load MPI.
extern "C" const char* __asan_default_options() { return "detect_leaks=0"; }
#endif

int main(int argc, char** argv) {
  MPI_Init(&argc, &argv);
  // Errors come back as codes, so that a rank that fails is handled, not the end of the whole job.
  MPI_Comm_set_errhandler(MPI_COMM_WORLD, MPI_ERRORS_RETURN);
  int rank = 0, ranks = 1;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &ranks);

  desksim::launcher::LauncherOptions options;
  std::string error;
  bool help = false;
  if (!desksim::launcher::parse_launcher_options(argc, argv, &options, &error, &help)) {
    // Every rank reads the same command line, so every rank stops here; rank 0 says why.
    if (rank == 0) (help ? std::cout : std::cerr) << (help ? "" : "desksim-mpi: ") << error << "\n";
    MPI_Finalize();
    return help ? 0 : 2;
  }
  desksim::launcher::remove_task_files_left_by_dead_ranks();
  const int code = rank == 0 ? desksim::launcher::coordinate(options, ranks) : desksim::launcher::serve(options);
  MPI_Finalize();
  return code;
}

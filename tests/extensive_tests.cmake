# The EXTENSIVE tests: those that take more than about 1 s (they run replications of whole
# simulations). Every other test is QUICK, so `ctest --test-dir build -L QUICK` runs in seconds and
# `-L EXTENSIVE` runs the rest; tests/CMakeLists.txt labels each test from this list.
#
# Measured with `ctest --test-dir build -j1 --timeout 900` four times on the 2-core reference
# machine (shared, so times vary two- to threefold); a test is listed when any run took over 1 s.
# The range after each name is the fastest and slowest of those runs. A test that grows past 1 s
# is added here by its full GoogleTest name (Suite.Test); ctest reports an error for a listed name
# that no longer exists (see the end of tests/CMakeLists.txt).
set(DESKSIM_EXTENSIVE_TESTS
  MutationProperty.EveryMutantThatValidatesRunsToTheEndWithFiniteResults  # 40-60 s (about 2,000 mutants, each in its own process)
  BaselineYear.ConservationSharesAndRoster                                    # 0.7-4.3 s
  ResolverNetwork.ReproducesJacksonNetworkExample1111                         # 0.9-2.9 s
  ResolverBaseline.ConservationIdentitiesUtilisationAndCredits                # 0.7-2.4 s
  GeneralHandleTimes.MD1AndLognormalMG1MatchPollaczekKhinchine                # 0.4-1.3 s
  PriorityValidation.TwoClassNonPreemptiveMM1MatchesCobham                    # 0.4-1.1 s
  PopulationStorm.OutagesAddLinkedTicketsThatCompeteForTheSameAgents          # 0.3-1.1 s
  Interruption.ResumedRunEqualsAnUninterruptedOneByteForByte                  # 4.8-6.6 s
  Interruption.InterruptingThePlatformCheckLeavesNoFileBehind                 # 2.1 s (waits 2 s)
  Interruption.TicketRecordsAreReplacedTogetherWithTheResultsOrNotAtAll       # 1.6 s
  Cli.ReportRendersInAHeadlessBrowser                                         # 3.9-6.0 s (two baseline replications, Chromium twice)
  CheckFitCli.HoldOutWeekOfTheShippedLog                                      # 0.7-1.4 s
  PrecisionCli.AddsReplicationsUntilTheIntervalIsNarrowAndEqualsThatRun       # 0.7-1.3 s
  TicketRecords.AddUpToTheAggregateCountersAndDoNotDependOnJobs               # 1.2-1.9 s
  StaffingOptimiser.TwoStationsLowerTargetNeverCostsMoreHigherDemandNeverLess  # 3.7-6.1 s (three searches, three fresh seeds)
  OptimiseCli.OverlayValidatesAndReproducesTheReportedAttainment              # 1.1 s (a search, then a run of its overlay)
  PhasedStaffing.ADemandCutLowersTheLaterPhaseAndTheOverlaySetsEachPhasesRosters  # 3.9-4.4 s (two searches)
  StaffingOptimiser.RepairsAFirstGuessThatMissesATargetAndEndsAtALocalMinimum    # 0.7-0.9 s (a search and two runs)
  MpiLauncher.AKilledRankIsSurvivedWithMpirunsRecoveryAndItsTaskRunsElsewhere # 6.8 s (waits 2 s for the lost rank)
  MpiLauncher.MpirunsSigtermEndsTheJobAndResumeOverThreeRanksCompletesItWithTheLocalBytes  # 5.4-5.6 s (a job of 3 s, stopped, resumed, and run locally)
  MpiLauncher.ARank0StuckAfterASignalEndsItselfWithinItsGraceKeepingItsResults            # 10-11 s (its grace is 10 s)
  MpiLauncher.ASignalStopsTheJobKeepingItsResultsAndResumeCompletesItWithTheLocalBytes     # 1.8-1.9 s (four one-rank jobs)
  MpiLauncher.WithoutResumeAnEarlierJobsResultsAreDiscardedAndResumeWithNothingKeptRunsEverything  # 1.3 s (three one-rank jobs)
  MpiOptimise.ARankKilledInOneRoundIsLeftOutOfTheNextAndTheOutputsAreTheLocalSearchs  # 7.6-12.4 s (a local search and one over 3 ranks of tasks of 0.2 s; waits 2 s for the lost rank)
)

# Fails when a name in DESKSIM_EXTENSIVE_TESTS matches no test of the executables in EXECUTABLES
# (a renamed test would otherwise drop silently into the QUICK set).
# Run by ctest as the QUICK test `ExtensiveTestList`: cmake -DEXECUTABLES=a;b -P this file.
cmake_minimum_required(VERSION 3.22)  # script mode: sets the policies (IN_LIST) of this version
include(${CMAKE_CURRENT_LIST_DIR}/extensive_tests.cmake)
set(known)
foreach(exe IN LISTS EXECUTABLES)
  execute_process(COMMAND ${exe} --gtest_list_tests OUTPUT_VARIABLE listing RESULT_VARIABLE failed)
  if(failed)
    message(FATAL_ERROR "${exe} --gtest_list_tests failed")
  endif()
  # "Suite.\n  Test\n  Test\n...": a suite line ends with '.', a test line is indented.
  string(REPLACE "\n" ";" lines "${listing}")
  foreach(line IN LISTS lines)
    string(REGEX REPLACE " *#.*" "" line "${line}")
    if(line MATCHES "^([^ ].*)\\.$")
      set(suite ${CMAKE_MATCH_1})
    elseif(line MATCHES "^  +(.+)$")
      list(APPEND known "${suite}.${CMAKE_MATCH_1}")
    endif()
  endforeach()
endforeach()
foreach(name IN LISTS DESKSIM_EXTENSIVE_TESTS)
  if(NOT name IN_LIST known)
    message(FATAL_ERROR "tests/extensive_tests.cmake lists ${name}, which is no test")
  endif()
endforeach()
list(LENGTH DESKSIM_EXTENSIVE_TESTS listed)
message(STATUS "all ${listed} EXTENSIVE tests exist")

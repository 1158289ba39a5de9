# KNOTRELIEF_VERSION_STRING: the project version, plus `git describe` when the
# source is a git checkout (so a build from a work tree says which commit).
set(KNOTRELIEF_VERSION_STRING "${PROJECT_VERSION}")
find_package(Git QUIET)
if(GIT_FOUND AND EXISTS "${PROJECT_SOURCE_DIR}/.git")
  execute_process(
    COMMAND "${GIT_EXECUTABLE}" describe --always --dirty --tags
    WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
    OUTPUT_VARIABLE _knotrelief_git_describe
    OUTPUT_STRIP_TRAILING_WHITESPACE
    ERROR_QUIET
    RESULT_VARIABLE _knotrelief_git_result)
  if(_knotrelief_git_result EQUAL 0 AND _knotrelief_git_describe)
    set(KNOTRELIEF_VERSION_STRING "${PROJECT_VERSION} (${_knotrelief_git_describe})")
  endif()
endif()

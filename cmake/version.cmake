# KNOTRELIEF_VERSION_STRING: the project version, plus `git describe` and the
# commit's date when the source is a git checkout (so a build from a work
# tree says which commit). `knotrelief --version` prints it after the name.
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
  execute_process(
    COMMAND "${GIT_EXECUTABLE}" log -1 --format=%cs
    WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
    OUTPUT_VARIABLE _knotrelief_git_date
    OUTPUT_STRIP_TRAILING_WHITESPACE
    ERROR_QUIET)
  if(_knotrelief_git_result EQUAL 0 AND _knotrelief_git_describe)
    # "0.1.0 (git 78d3d33, 2026-11-23)": the commit and its date.
    set(KNOTRELIEF_VERSION_STRING "${PROJECT_VERSION} (git ${_knotrelief_git_describe}")
    if(_knotrelief_git_date)
      string(APPEND KNOTRELIEF_VERSION_STRING ", ${_knotrelief_git_date}")
    endif()
    string(APPEND KNOTRELIEF_VERSION_STRING ")")
  endif()
endif()

# knotrelief_embed_files(OUTPUT out.cpp FILES a.yaml b.yaml BASE dir)
#
# Generates a C++ source that defines the built-in data files as byte arrays,
# so the program needs no data path at run time (SPEC §2). The generated file
# is rebuilt whenever one of the inputs changes.
function(knotrelief_embed_files)
  cmake_parse_arguments(ARG "" "OUTPUT;BASE" "FILES" ${ARGN})
  add_custom_command(
    OUTPUT "${ARG_OUTPUT}"
    COMMAND "${CMAKE_COMMAND}"
      "-DOUTPUT=${ARG_OUTPUT}"
      "-DBASE=${ARG_BASE}"
      "-DFILES=${ARG_FILES}"
      -P "${PROJECT_SOURCE_DIR}/cmake/embed_script.cmake"
    DEPENDS ${ARG_FILES} "${PROJECT_SOURCE_DIR}/cmake/embed_script.cmake"
    COMMENT "Embedding built-in routine data"
    VERBATIM)
endfunction()

# Debian's hardening flags, as `dpkg-buildflags` gives them with every hardening feature on: stack protector,
# _FORTIFY_SOURCE, format-string checks, read-only relocations and immediate binding (-z now). The package check
# runs hardening-check on the installed binary. Optimisation and debug flags stay the build type's own, and
# sanitizer builds (the fuzzer) turn this off with -DAI_SETTINGS_HARDENING=OFF, since ASan and
# _FORTIFY_SOURCE do not mix.
option(AI_SETTINGS_HARDENING "Build with Debian's hardening flags" ON)
find_program(DPKG_BUILDFLAGS dpkg-buildflags)
if(AI_SETTINGS_HARDENING AND DPKG_BUILDFLAGS)
    set(hardening_compile)
    set(hardening_link)
    foreach(kind CPPFLAGS CXXFLAGS LDFLAGS)
        execute_process(COMMAND ${CMAKE_COMMAND} -E env DEB_BUILD_MAINT_OPTIONS=hardening=+all ${DPKG_BUILDFLAGS}
                                --get ${kind}
                        OUTPUT_VARIABLE flags OUTPUT_STRIP_TRAILING_WHITESPACE)
        separate_arguments(flags UNIX_COMMAND "${flags}")
        list(FILTER flags EXCLUDE REGEX "^-(g|O[0-9sz]?|ffile-prefix-map=.*|fdebug-prefix-map=.*)$")
        if(kind STREQUAL "LDFLAGS")
            list(APPEND hardening_link ${flags})
        else()
            list(APPEND hardening_compile ${flags})
        endif()
    endforeach()
    # Newer Debian releases add this by default on amd64. (-fcf-protection is left out: Debian 12's C runtime
    # objects carry no IBT note, so the linker would drop the property anyway.)
    if(CMAKE_SYSTEM_PROCESSOR MATCHES "x86_64|AMD64")
        list(APPEND hardening_compile -fstack-clash-protection)
    endif()
    # _FORTIFY_SOURCE needs an optimised build; a Debug build would warn, and warnings are errors here.
    add_compile_options("$<$<NOT:$<CONFIG:Debug>>:${hardening_compile}>")
    add_link_options(${hardening_link})
    message(STATUS "Hardening flags: ${hardening_compile} ${hardening_link}")
endif()

# fish completion for knotrelief(1). Routine and technique names come from
# `knotrelief list --ids`, so your own routines complete too.

function __knotrelief_no_command
    not __fish_seen_subcommand_from today list show run log check remind
end

function __knotrelief_in_remind
    __fish_seen_subcommand_from remind; and not __fish_seen_subcommand_from enable disable status next check
end

function __knotrelief_remind_schedule
    __fish_seen_subcommand_from remind; and __fish_seen_subcommand_from enable next
end

function __knotrelief_in_log
    __fish_seen_subcommand_from log; and not __fish_seen_subcommand_from add stats export report path
end

set -l commands today list show run log check remind

complete -c knotrelief -f
complete -c knotrelief -l journal -r -F -d 'Journal file'
complete -c knotrelief -l no-color -d 'No colour'
complete -c knotrelief -l routines -r -a '(__fish_complete_directories)' -d 'Extra routine folder'
complete -c knotrelief -l help -s h -d 'Show help'
complete -c knotrelief -n __knotrelief_no_command -l version -d 'Print the version'

complete -c knotrelief -n __knotrelief_no_command -a today -d "Today's plan from the journal"
complete -c knotrelief -n __knotrelief_no_command -a list -d 'List routines or techniques'
complete -c knotrelief -n __knotrelief_no_command -a show -d 'Show a routine, technique or spot'
complete -c knotrelief -n __knotrelief_no_command -a run -d 'Run routines as a guided countdown'
complete -c knotrelief -n __knotrelief_no_command -a log -d 'The session journal'
complete -c knotrelief -n __knotrelief_no_command -a check -d 'Validate routine files'
complete -c knotrelief -n __knotrelief_no_command -a remind -d 'Reminders through systemd user timers'

complete -c knotrelief -n '__fish_seen_subcommand_from today' -l minutes -x -d 'Time budget in minutes'
complete -c knotrelief -n '__fish_seen_subcommand_from today' -l area -x -d 'Plan this area'
complete -c knotrelief -n '__fish_seen_subcommand_from today' -l json -d 'Print JSON'
complete -c knotrelief -n '__fish_seen_subcommand_from today' -l run -d 'Start without asking'
complete -c knotrelief -n '__fish_seen_subcommand_from today' -l no-run -d 'Only print the plan'
complete -c knotrelief -n '__fish_seen_subcommand_from today' -l plain -d 'Plain lines for screen readers'
complete -c knotrelief -n '__fish_seen_subcommand_from today' -l reduce-motion -d 'A full screen that moves every 5 seconds'
complete -c knotrelief -n '__fish_seen_subcommand_from list' -l techniques -d 'List techniques'
complete -c knotrelief -n '__fish_seen_subcommand_from list' -l spots -d 'List the spots of the body map'
complete -c knotrelief -n '__fish_seen_subcommand_from list' -l area -x -a '(knotrelief list --areas 2>/dev/null)' -d 'Body area'
complete -c knotrelief -n '__fish_seen_subcommand_from list' -l tool -x -a '(knotrelief list --tools 2>/dev/null)' -d 'Tool'
complete -c knotrelief -n '__fish_seen_subcommand_from list show' -l json -d 'Print JSON'

complete -c knotrelief -n '__fish_seen_subcommand_from show' -a '(echo guide; knotrelief list --ids 2>/dev/null; knotrelief list --ids --techniques 2>/dev/null; knotrelief list --ids --spots 2>/dev/null)'

complete -c knotrelief -n '__fish_seen_subcommand_from run' -a '(knotrelief list --ids 2>/dev/null)' -d 'Routine'
complete -c knotrelief -n '__fish_seen_subcommand_from run check; and not __fish_seen_subcommand_from remind' -F
complete -c knotrelief -n '__fish_seen_subcommand_from run' -l prep -x -d 'Seconds to get ready'
complete -c knotrelief -n '__fish_seen_subcommand_from run' -l hold -x -a 'low mid high' -d 'Point in hold ranges'
complete -c knotrelief -n '__fish_seen_subcommand_from run' -l tighter -x -a 'left right same' -d 'The side that felt tighter'
complete -c knotrelief -n '__fish_seen_subcommand_from run' -l scale -x -d 'Multiply holds'
complete -c knotrelief -n '__fish_seen_subcommand_from run' -l no-bell -d 'No terminal bell'
complete -c knotrelief -n '__fish_seen_subcommand_from run' -l voice -d 'Speak the cues'
complete -c knotrelief -n '__fish_seen_subcommand_from run' -l title -d 'Time left in the window title'
complete -c knotrelief -n '__fish_seen_subcommand_from run' -l plain -d 'Plain lines for screen readers'
complete -c knotrelief -n '__fish_seen_subcommand_from run' -l reduce-motion -d 'A full screen that moves every 5 seconds'
complete -c knotrelief -n '__fish_seen_subcommand_from run' -l pain-before -x -a '(seq 0 10)' -d 'Soreness before'
complete -c knotrelief -n '__fish_seen_subcommand_from run' -l pain-after -x -a '(seq 0 10)' -d 'Soreness after'
complete -c knotrelief -n '__fish_seen_subcommand_from run' -l note -x -d 'Journal note'
complete -c knotrelief -n '__fish_seen_subcommand_from run' -l no-log -d 'Do not write the journal'
complete -c knotrelief -n '__fish_seen_subcommand_from run' -l no-intro -d 'No before-you-start or closing panel'

complete -c knotrelief -n '__fish_seen_subcommand_from check; and not __fish_seen_subcommand_from remind' -s q -l quiet -d 'Only problems'

complete -c knotrelief -n __knotrelief_in_log -a add -d 'Log a session by hand'
complete -c knotrelief -n __knotrelief_in_log -a stats -d 'Totals, streaks and warnings'
complete -c knotrelief -n __knotrelief_in_log -a export -d 'Every entry as CSV or JSON'
complete -c knotrelief -n __knotrelief_in_log -a report -d 'One page for a professional'
complete -c knotrelief -n __knotrelief_in_log -a path -d 'Print the journal path'
complete -c knotrelief -n __knotrelief_in_log -l since -x -d 'Since a date or time ago'
complete -c knotrelief -n __knotrelief_in_log -l routine -x -a '(knotrelief list --ids 2>/dev/null)' -d 'Only this routine'
complete -c knotrelief -n __knotrelief_in_log -l limit -x -d 'How many'
complete -c knotrelief -n '__knotrelief_in_log; or __fish_seen_subcommand_from stats' -l json -d 'Print JSON'
complete -c knotrelief -n '__fish_seen_subcommand_from add' -a '(knotrelief list --ids 2>/dev/null)' -d 'Routine'
complete -c knotrelief -n '__fish_seen_subcommand_from add' -l pain-before -x -a '(seq 0 10)'
complete -c knotrelief -n '__fish_seen_subcommand_from add' -l pain-after -x -a '(seq 0 10)'
complete -c knotrelief -n '__fish_seen_subcommand_from add' -l minutes -x
complete -c knotrelief -n '__fish_seen_subcommand_from add' -l note -x
complete -c knotrelief -n '__fish_seen_subcommand_from add' -l at -x
complete -c knotrelief -n '__fish_seen_subcommand_from stats' -l since -x
complete -c knotrelief -n '__fish_seen_subcommand_from export' -l format -x -a 'csv json' -d 'Format'
complete -c knotrelief -n '__fish_seen_subcommand_from export' -l since -x -d 'Since a date or time ago'
complete -c knotrelief -n '__fish_seen_subcommand_from export' -s o -l output -r -F -d 'Write to a file'
complete -c knotrelief -n '__fish_seen_subcommand_from report' -l format -x -a 'html md text' -d 'Format'
complete -c knotrelief -n '__fish_seen_subcommand_from report' -l since -x -d 'Since a date or time ago'
complete -c knotrelief -n '__fish_seen_subcommand_from report' -s o -l output -r -F -d 'Write to a file'

complete -c knotrelief -n __knotrelief_in_remind -a enable -d 'Write and start the reminder timer'
complete -c knotrelief -n __knotrelief_in_remind -a disable -d 'Stop the timers, remove their files'
complete -c knotrelief -n __knotrelief_in_remind -a status -d "Schedule, next reminder, today's session"
complete -c knotrelief -n __knotrelief_in_remind -a next -d 'Next times the reminders fire'
complete -c knotrelief -n __knotrelief_in_remind -a check -d 'Notify when a session is due'
complete -c knotrelief -n __knotrelief_remind_schedule -l at -x -d 'Time of the reminder (HH:MM)'
complete -c knotrelief -n __knotrelief_remind_schedule -l days -x -a 'daily weekdays weekends' -d 'Days'
complete -c knotrelief -n __knotrelief_remind_schedule -l breaks -x -d 'Movement breaks this often'
complete -c knotrelief -n __knotrelief_remind_schedule -l between -x -d 'Hours of the breaks'
complete -c knotrelief -n '__fish_seen_subcommand_from remind; and __fish_seen_subcommand_from next' -l count -x -d 'How many times'
complete -c knotrelief -n '__fish_seen_subcommand_from remind; and __fish_seen_subcommand_from next' -l from -x -d 'From this local time'
complete -c knotrelief -n '__fish_seen_subcommand_from remind; and __fish_seen_subcommand_from check' -l break -d 'Suggest a movement break'

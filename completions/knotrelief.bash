# bash completion for knotrelief(1)                          -*- shell-script -*-
# Routine, technique and spot names come from the program itself
# (`knotrelief list --ids`), and so do areas and tools (`list --areas`,
# `list --tools`), so your own routines complete too.

_knotrelief_ids()
{
    # $1: routines, techniques, spots, areas or tools; the --routines folders given
    # so far count.
    local extra=() i
    for ((i = 1; i < cword; i++)); do
        if [[ ${words[i]} == --routines && -n ${words[i + 1]-} ]]; then
            extra+=(--routines "${words[i + 1]}")
        fi
    done
    case $1 in
        techniques) "${words[0]}" "${extra[@]}" list --ids --techniques 2>/dev/null ;;
        spots) "${words[0]}" "${extra[@]}" list --ids --spots 2>/dev/null ;;
        areas) "${words[0]}" "${extra[@]}" list --areas 2>/dev/null ;;
        tools) "${words[0]}" "${extra[@]}" list --tools 2>/dev/null ;;
        *) "${words[0]}" "${extra[@]}" list --ids 2>/dev/null ;;
    esac
}

_knotrelief()
{
    local cur prev words cword
    _init_completion || return

    # The subcommand (and the log subcommand) typed so far.
    local command="" log_command="" remind_command="" i
    for ((i = 1; i < cword; i++)); do
        case ${words[i]} in
            --journal | --routines | --area | --tool | --prep | --hold | --scale | \
                --pain-before | --pain-after | --tighter | --note | --since | --routine | --limit | \
                --minutes | --at | --format | -o | --output | --days | --breaks | --between | --count | --from)
                ((i++))
                ;;
            -*) ;;
            *)
                if [[ -z $command ]]; then
                    command=${words[i]}
                elif [[ $command == log && -z $log_command ]]; then
                    log_command=${words[i]}
                elif [[ $command == remind && -z $remind_command ]]; then
                    remind_command=${words[i]}
                fi
                ;;
        esac
    done

    case $prev in
        --journal)
            _filedir
            return
            ;;
        --routines)
            _filedir -d
            return
            ;;
        --hold)
            COMPREPLY=($(compgen -W "low mid high" -- "$cur"))
            return
            ;;
        --tighter)
            COMPREPLY=($(compgen -W "left right same" -- "$cur"))
            return
            ;;
        --format)
            if [[ $log_command == report ]]; then
                COMPREPLY=($(compgen -W "html md text" -- "$cur"))
            else
                COMPREPLY=($(compgen -W "csv json" -- "$cur"))
            fi
            return
            ;;
        -o | --output)
            _filedir
            return
            ;;
        --routine)
            COMPREPLY=($(compgen -W "$(_knotrelief_ids routines)" -- "$cur"))
            return
            ;;
        --area)
            COMPREPLY=($(compgen -W "$(_knotrelief_ids areas)" -- "$cur"))
            return
            ;;
        --tool)
            COMPREPLY=($(compgen -W "$(_knotrelief_ids tools)" -- "$cur"))
            return
            ;;
        --days)
            COMPREPLY=($(compgen -W "daily weekdays weekends mon tue wed thu fri sat sun" -- "$cur"))
            return
            ;;
        --prep | --scale | --pain-before | --pain-after | --note | \
            --since | --limit | --minutes | --at | --breaks | --between | --count | --from)
            return
            ;;
    esac

    local global="--journal --no-color --routines --help"
    if [[ -z $command ]]; then
        if [[ $cur == -* ]]; then
            COMPREPLY=($(compgen -W "$global --version" -- "$cur"))
        else
            COMPREPLY=($(compgen -W "today list show run log check remind" -- "$cur"))
        fi
        return
    fi

    local options=""
    case $command in
        today)
            options="--minutes --area --json --run --no-run --plain --reduce-motion"
            ;;
        list)
            options="--techniques --spots --area --tool --json"
            ;;
        show)
            options="--json"
            if [[ $cur != -* ]]; then
                COMPREPLY=($(compgen -W "guide $(_knotrelief_ids routines) $(_knotrelief_ids techniques) $(_knotrelief_ids spots)" -- "$cur"))
                return
            fi
            ;;
        run)
            options="--prep --hold --scale --no-bell --voice --title --plain --reduce-motion --pain-before --pain-after --tighter --note --no-log --no-intro"
            if [[ $cur != -* ]]; then
                COMPREPLY=($(compgen -W "$(_knotrelief_ids routines)" -- "$cur"))
                _filedir '@(yaml|yml)'
                return
            fi
            ;;
        check)
            options="--quiet"
            if [[ $cur != -* ]]; then
                _filedir '@(yaml|yml)'
                return
            fi
            ;;
        log)
            case $log_command in
                add)
                    options="--pain-before --pain-after --minutes --note --at"
                    if [[ $cur != -* ]]; then
                        COMPREPLY=($(compgen -W "$(_knotrelief_ids routines)" -- "$cur"))
                        return
                    fi
                    ;;
                stats)
                    options="--since --json"
                    ;;
                export | report)
                    options="--format --since --output -o"
                    ;;
                path) ;;
                *)
                    options="--since --routine --limit --json"
                    if [[ $cur != -* ]]; then
                        COMPREPLY=($(compgen -W "add stats export report path" -- "$cur"))
                        return
                    fi
                    ;;
            esac
            ;;
        remind)
            case $remind_command in
                enable) options="--at --days --breaks --between" ;;
                next) options="--at --days --breaks --between --count --from" ;;
                check) options="--break" ;;
                disable | status) ;;
                *)
                    COMPREPLY=($(compgen -W "enable disable status next check" -- "$cur"))
                    return
                    ;;
            esac
            ;;
    esac
    COMPREPLY=($(compgen -W "$options $global" -- "$cur"))
} &&
    complete -F _knotrelief knotrelief

# ex: filetype=sh

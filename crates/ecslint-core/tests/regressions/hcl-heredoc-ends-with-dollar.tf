# The read_hcl fuzz target: a heredoc line (not its first) that starts with `$` not
# followed by `{` was read as an interpolation `${`; at the end of the file that put the
# reader past it (a panic). Unterminated on purpose.
t = <<E

$
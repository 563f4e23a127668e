# A start hook for images based on jupyter/docker-stacks: their start.sh sources
# every file in /usr/local/bin/before-notebook.d/ right before it starts the
# server. Copies the class's tutorials (baked into the image, read-only) into the
# learner's home, never over a file that is there, so the player can write each
# tutorial's notebook beside it. Not covered by the test suite, which builds no
# container images.
#
# Sourced with `set -e`, so nothing here may fail the start: problems are logged.
notecast_tutorials="${NOTECAST_TUTORIALS:-/opt/notecast-tutorials}"
notecast_target="/home/${NB_USER}/tutorials"
# start.sh runs this hook as root when the container starts as root, and as the learner otherwise.
if [ "$(id -u)" = 0 ]; then notecast_as_learner="sudo --user ${NB_USER}"; else notecast_as_learner=""; fi
if [ -d "${notecast_tutorials}" ]; then
  # Only files the home lacks (not `cp -n`, whose exit status differs between versions).
  (cd "${notecast_tutorials}" &&
    find . -type d -exec ${notecast_as_learner} mkdir -p "${notecast_target}/{}" \; &&
    find . -type f ! -exec test -e "${notecast_target}/{}" \; -exec ${notecast_as_learner} cp {} "${notecast_target}/{}" \;) ||
    echo "WARNING: could not copy every tutorial from ${notecast_tutorials} into ${notecast_target}"
fi
unset notecast_tutorials notecast_target notecast_as_learner

"""Everything written into a site after its pages: the asset bundles, the blank plan as Markdown, Word and calendar
files, the quiz bank as an Anki deck, the quiz bank for LMS import (instructor edition) and the offline copy.

MkDocs runs it from the macros' on_post_build; any other engine's build runs it as a command on the built site:

    python -m macros.postbuild SITE_DIR [--edition learner|instructor] [--config mkdocs.yml] [--no-offline]
                                        [--engine mkdocs|zensical]

The command reads the course and the lists of stylesheets and scripts from the config file, as the build did.
"""
import argparse
import sys
from datetime import date
from pathlib import Path

from . import anki, exports, offline, plan_output, buildconfig
from . import plan as plans
from .assets import bundle
from .course import lesson_order, load
from .pages import settings_of
from .problems import CourseError


class PostBuildError(Exception):
    pass


def run(root, site_dir, edition, course, plan, bundles, site_name, offline_copy=True, strict=True, engine="mkdocs"):
    """Write into site_dir; bundles: {bundle path: [the docs/ files it holds]}; engine: the one that builds the
    offline copy, "mkdocs" or "zensical". Raises PostBuildError."""
    site_dir = Path(site_dir)
    for target, sources in bundles.items():
        (site_dir / target).write_text(bundle(Path(root) / "docs", sources), encoding="utf-8")
    plan_output.write_downloads(plan, site_dir, date.today())
    # The deck and the LMS category carry the course's name, without the edition's "(instructor edition)".
    course_name = site_name.split(" (")[0]
    anki.write(course, site_dir, course_name)
    if edition == "instructor":
        exports.write(course, site_dir, course_name)
    if offline_copy:
        try:
            if engine == "zensical":
                offline.build_with_zensical(root, site_dir / offline.ZIP)
            else:
                offline.build(root, site_dir / offline.ZIP, strict=strict)
        except offline.OfflineError as error:
            raise PostBuildError(str(error)) from None


def run_on_site(root, site_dir, config="mkdocs.yml", edition=None, offline_copy=True, engine="mkdocs"):
    """run() for a site some engine has built from config (a MkDocs-style config file under root)."""
    root = Path(root)
    settings = buildconfig.read(root / config)
    if not Path(site_dir).is_dir():
        raise PostBuildError(f"{site_dir} is no built site; build it first")
    course = load(root, lesson_order(settings.get("nav")), settings_of(settings))
    edition = edition or (settings.get("extra") or {}).get("edition", "learner")
    run(root, site_dir, edition, course, plans.load(root), buildconfig.bundled(settings, root)[2], settings["site_name"],
        offline_copy=offline_copy, engine=engine)


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m macros.postbuild", description=__doc__.split("\n\n")[0])
    parser.add_argument("site_dir")
    parser.add_argument("--edition", choices=("learner", "instructor"))
    parser.add_argument("--config", default="mkdocs.yml", help="the config the site was built from (default mkdocs.yml)")
    parser.add_argument("--no-offline", action="store_true", help="leave out the offline copy")
    parser.add_argument("--engine", choices=("mkdocs", "zensical"), default="mkdocs",
                        help="the engine that builds the offline copy (default mkdocs)")
    args = parser.parse_args(argv)
    root = Path(__file__).resolve().parent.parent
    try:
        run_on_site(root, Path(args.site_dir), args.config, args.edition, not args.no_offline, args.engine)
    except (CourseError, PostBuildError) as error:
        print(error, file=sys.stderr)
        return 1
    print(f"Wrote the downloads{', the offline copy' * (not args.no_offline)} and the asset bundles into {args.site_dir}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

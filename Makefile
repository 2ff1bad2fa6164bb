# The two commands a newcomer needs: `make run` and `make test`.
SOLUTION := HeritageRegistry.sln
WEB := src/HeritageRegistry.Web
# `dotnet run` starts the app in the project folder; keep the data where the README says,
# ./data beside this Makefile, unless the environment already names another folder.
export Registry__DataDirectory ?= $(CURDIR)/data

.PHONY: run test build clean admin bench publish backup

## run: start the site with the Palmyra record on http://127.0.0.1:5080 (data in ./data)
run:
	dotnet run --project $(WEB)

## test: unit, integration and browser tests on SQLite (browser tests need /usr/bin/chromium), then the integration
## tests again on PostgreSQL when HERITAGE_TEST_POSTGRES names a server (each test app makes and drops its own database)
test:
	@if [ -z "$$HERITAGE_TEST_POSTGRES" ] && [ "$$CI" = "true" ]; then \
		echo "PostgreSQL pass cannot run: CI=true, but HERITAGE_TEST_POSTGRES names no PostgreSQL server (.ci/run starts one)"; exit 1; fi
	env -u HERITAGE_TEST_POSTGRES dotnet test $(SOLUTION)
	@if [ -n "$$HERITAGE_TEST_POSTGRES" ]; then \
		echo "PostgreSQL pass: the integration tests again, on the server HERITAGE_TEST_POSTGRES names"; \
		dotnet test tests/HeritageRegistry.IntegrationTests --no-build; \
	else \
		echo "PostgreSQL pass skipped: set HERITAGE_TEST_POSTGRES to a PostgreSQL server's connection string to run it"; fi

## bench: page latency and throughput (wrk), start-up time, photo ingest and search, as ratios to references in the same run;
## throughput and search on SQLite and PostgreSQL side by side, and two web nodes against one (a throwaway PostgreSQL
## cluster unless HERITAGE_BENCH_POSTGRES or HERITAGE_TEST_POSTGRES names a server)
bench:
	@command -v vipsthumbnail >/dev/null || { echo "Installing libvips-tools (the photo reference)"; \
		$$( [ "$$(id -u)" -eq 0 ] || echo sudo ) apt-get install -y -qq --no-install-recommends libvips-tools; }
	@command -v wrk >/dev/null || { echo "Installing wrk (the throughput load)"; \
		$$( [ "$$(id -u)" -eq 0 ] || echo sudo ) apt-get install -y -qq --no-install-recommends wrk; }
	@command -v taskset >/dev/null || { echo "Installing util-linux (taskset holds each web node to a core)"; \
		$$( [ "$$(id -u)" -eq 0 ] || echo sudo ) apt-get install -y -qq --no-install-recommends util-linux; }
	@if [ -z "$$HERITAGE_BENCH_POSTGRES$$HERITAGE_TEST_POSTGRES" ] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then \
		echo "Installing postgresql (the second provider)"; $$( [ "$$(id -u)" -eq 0 ] || echo sudo ) apt-get install -y -qq --no-install-recommends postgresql; fi
	@# The throwaway cluster sized as a database server would be: a quarter of the memory for its buffers (the
	@# default 128 MB holds a tenth of the million-report index, and every search then reads pages from the kernel),
	@# in huge pages, as PostgreSQL's documentation advises for large buffers: in 4 kB pages every new server process
	@# faults in each page it touches (a word's first search on a new connection took 70 ms, then 3 ms). The huge
	@# pages are reserved for the run (root or sudo) and given back after it; without them the cluster uses 4 kB pages.
	buffers_mb=$$(( $$(awk '/MemTotal/ {print $$2}' /proc/meminfo) / 4096 )); \
	huge_before=$$(cat /proc/sys/vm/nr_hugepages); as_root=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
	$$as_root sysctl -qw vm.nr_hugepages=$$(( buffers_mb / 2 + 128 )) || true; \
	HERITAGE_PG_SETTINGS="-c shared_buffers=$${buffers_mb}MB -c huge_pages=try" \
		bash -c '{ [ -n "$${HERITAGE_BENCH_POSTGRES:-}" ] || . .ci/postgres; } && dotnet run --project tests/HeritageRegistry.Benchmarks -c Release'; \
	status=$$?; $$as_root sysctl -qw vm.nr_hugepages=$$huge_before || true; exit $$status

## publish: a Release build in ./publish that starts anywhere with `dotnet publish/HeritageRegistry.Web.dll`
publish:
	dotnet publish $(WEB) -c Release -o publish

## build: compile everything with warnings as errors
build:
	dotnet build $(SOLUTION)

## clean: remove build output (not ./data)
clean:
	dotnet clean $(SOLUTION)

## admin: add the first administrator: make admin LOGIN=alice NAME="Alice Example" (asks for the password)
admin:
	@test -n "$(LOGIN)" || { echo 'Usage: make admin LOGIN=name [NAME="Display Name"]'; exit 2; }
	dotnet run --project $(WEB) -- users add "$(LOGIN)" --role admin --name "$(or $(NAME),$(LOGIN))"

## backup: copy the database and photos to backups/registry-<UTC time>, verified, while the site keeps running
backup:
	dotnet run --project $(WEB) -- backup $(CURDIR)/backups/registry-$$(date -u +%Y%m%dT%H%M%SZ)

# Flash Deal developer entry points. Everything heavy lives in Java (Maven modules); this file only wires commands.
# Run `make help` for the list.

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

# A JDK >= 21, found once (JAVA_HOME wins when it is recent enough).
JAVA_HOME := $(shell tools/bin/find-jdk)
export JAVA_HOME
JAVA := $(JAVA_HOME)/bin/java
# Go's standard install location, for a shell whose PATH lacks it (a new user's login shell, say).
ifeq ($(shell command -v go),)
ifneq ($(wildcard /usr/local/go/bin/go),)
export PATH := /usr/local/go/bin:$(PATH)
endif
endif
MVN := ./mvnw -B --no-transfer-progress

# The JDK's feature release: the benches' AOT cache needs 25 (on 21-24 they run without it; tools/bin/setup says so).
JDK_MAJOR := $(shell sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' $(JAVA_HOME)/release 2>/dev/null)
AOT := $(if $(filter 21 22 23 24,$(JDK_MAJOR)),,--aot)

VARIANT ?= phase1-db-atomic
DEPS_JAR := tools/local-deps/target/local-deps-0.1.0-SNAPSHOT-cli.jar
LAUNCHER_JAR := tools/launcher/target/launcher-0.1.0-SNAPSHOT-cli.jar
HARNESS_JAR := loadtest/harness/target/harness-0.1.0-SNAPSHOT-cli.jar
BUILT := .flashdeal/built.stamp
BENCH_ARGS ?=
# Everything a service jar is built from: a change anywhere here rebuilds before `make up`.
SYSTEM_SOURCES := $(shell find api-spec services tools/launcher tools/local-deps build-tools variants loadtest -type f \( -name '*.java' -o -name '*.yaml' -o -name '*.sql' -o -name 'pom.xml' -o -name '*.properties' \) -not -path '*/target/*' 2>/dev/null) pom.xml
DEPS_SOURCES := $(shell find tools/local-deps/src/main tools/local-deps/pom.xml pom.xml -type f 2>/dev/null)

.PHONY: help
help: ## List the targets
	@grep -E '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

# Every entry point runs the set-up step first (tools/bin/setup): it finds or installs what the command needs and
# stops before any build, with the line to run, when it cannot.
.PHONY: setup
setup: ## Find or install what the commands need (PostgreSQL, Redis, RabbitMQ, Chromium, Python venv, Go); FOR=test|bench|up|fuzz|cluster|ci
	@tools/bin/setup $(or $(FOR),ci)

setup-%:
	@tools/bin/setup $*

.PHONY: bench
bench: setup-bench $(BUILT) ## The sale on every variant: 5 rounds of cold + warm sales, verdicts with confidence, reports/<timestamp>/ (+ report.png)
	@$(JAVA) -jar $(HARNESS_JAR) run --scenario sale $(AOT) --png $(BENCH_ARGS)

.PHONY: bench-capacity
bench-capacity: setup-bench $(BUILT) ## The knee of every variant's order path (p99 <= 100 ms), with pgbench as the physical reference
	@$(JAVA) -jar $(HARNESS_JAR) run --scenario capacity --png --reuse-users $(BENCH_ARGS)

# Rounds of the battle: a verdict needs at least 4 a side.
BATTLE_ROUNDS ?= 4

.PHONY: bench-battle
bench-battle: setup-bench $(BUILT) ## Phase 4: order-service on Spring Boot vs Micronaut — knee, p99 at 50/90 % of Spring's knee, CPU, RSS, start to first order, jar and image size (4 interleaved rounds)
	@for m in order-service order-service-micronaut; do mkdir -p services/$$m/target/jib-extra; \
	  $(MVN) -q -pl services/$$m jib:buildTar -Djib.from.image=scratch -Djib.outputPaths.tar=target/jib-app.tar -Dspotless.check.skip=true || exit 1; done
	@$(JAVA) -jar $(HARNESS_JAR) run --scenario battle --variants phase1-db-atomic,phase4-micronaut --repeat $(BATTLE_ROUNDS) --png --reuse-users $(BENCH_ARGS)

.PHONY: bench-sold-out
bench-sold-out: setup-bench $(BUILT) ## The knee of SOLD_OUT answers on a sold-out deal (p99 <= 20 ms), per variant
	@$(JAVA) -jar $(HARNESS_JAR) run --scenario sold-out $(AOT) --png --reuse-users $(BENCH_ARGS)

# Rounds of the cost scenario; the variants it ranks (the first is the baseline; a variant twice is an A/A check).
COST_ROUNDS ?= 2
COST_VARIANTS ?= phase1-db-atomic,phase1-db-atomic,phase3-redis-lua,phase1-naive

.PHONY: bench-cost
bench-cost: setup-bench $(BUILT) ## CPU ms per answer of every process (deal read, SOLD_OUT, 201, login, the floor) at steady state, verdicts between variants (COST_VARIANTS, COST_ROUNDS)
	@$(JAVA) -jar $(HARNESS_JAR) run --scenario cost --variants $(COST_VARIANTS) --repeat $(COST_ROUNDS) --users 1000 --png --reuse-users $(BENCH_ARGS)

.PHONY: bench-explain
bench-explain: setup-up $(BUILT) ## Index study: seeds 1M past orders, EXPLAIN ANALYZE of the hot statements with and without each index
	@$(JAVA) -jar $(HARNESS_JAR) run --scenario explain --reuse-users $(BENCH_ARGS)

.PHONY: bench-login
bench-login: setup-up $(BUILT) ## The knee of login (Argon2id) at its own SLO (p99 <= 250 ms)
	@$(JAVA) -jar $(HARNESS_JAR) run --scenario login --reuse-users $(BENCH_ARGS)

.PHONY: bench-login-flood
bench-login-flood: ## A genuine login under 32 parallel wrong-password attempts from another address, against the running system (make up VARIANT=phase5-ratelimit to see the limits)
	@python3 loadtest/login-flood/login_flood.py

.PHONY: bench-smoke
bench-smoke: setup-up $(BUILT) ## A short warm sale of the default variant with order-service killed mid-sale; must pass the oracle (CI runs it)
	@$(JAVA) -jar $(HARNESS_JAR) run --scenario sale --variants phase1-db-atomic --repeat 1 --stock 100 --users 200 --rate 50 --warmup 4 --no-cold --fault kill:order-service@1.5s --retry-seconds 30 --out reports/smoke --expect-pass

.PHONY: test
test: setup-test ## Build everything; unit (*Test), integration (*IT, real PostgreSQL/Redis), end-to-end (*E2E) and format checks
	$(MVN) verify

.PHONY: e2e
e2e: setup-up ## Only the *E2E suite: starts the system (or uses the one `make up` started) and checks it against the specs
	$(MVN) -q install -DskipTests -Dspotless.check.skip=true
	$(MVN) verify -pl e2e

# The later variants the E2E suite must pass against too (make test runs it against phase1-db-atomic); its order
# helpers take 201 and 202 alike, as the contract tells clients to.
E2E_VARIANTS ?= phase3-redis-lua phase3-redis-lock phase3-cache phase4-micronaut phase5-async phase5-async-redis

.PHONY: e2e-variants
e2e-variants: setup-up ## The *E2E suite against each of E2E_VARIANTS, one system per variant (CI runs it)
	$(MVN) -q install -DskipTests -Dspotless.check.skip=true
	@for v in $(E2E_VARIANTS); do \
	  echo "e2e-variants: $$v"; \
	  FLASHDEAL_E2E_VARIANT=$$v $(MVN) -q verify -pl e2e || exit 1; \
	done

.PHONY: k8s-bin
k8s-bin: ## Build the pinned etcd, kube-apiserver, controller-manager, scheduler and kwok for the *K8sIT tier (once; cached)
	@tools/bin/ensure-k8s

.PHONY: test-unit
test-unit: ## Unit tests only (no servers)
	$(MVN) verify -DskipITs

.PHONY: build
build: ## Compile and package everything, no tests
	$(MVN) install -DskipTests -Dspotless.check.skip=true

.PHONY: fmt
fmt: ## Format all Java sources (google-java-format) and tidy YAML/SQL whitespace
	$(MVN) spotless:apply

.PHONY: lint
lint: ## Check formatting and lint the API specs
	$(MVN) spotless:check
	$(MVN) -pl api-spec -am test -Dtest=ApiSpecLintTest -Dsurefire.failIfNoSpecifiedTests=false

$(DEPS_JAR): $(DEPS_SOURCES)
	$(MVN) -q -pl tools/local-deps -am package -DskipTests -Dspotless.check.skip=true

.PHONY: deps-up
deps-up: $(DEPS_JAR) ## Start the private PostgreSQL (55432) and Redis (56379) on loopback (idempotent)
	@$(JAVA) -jar $(DEPS_JAR) up

.PHONY: deps-down
deps-down: $(DEPS_JAR) ## Stop them; data is kept
	@$(JAVA) -jar $(DEPS_JAR) down

.PHONY: deps-status
deps-status: $(DEPS_JAR) ## Show whether they run and where their binaries come from
	@$(JAVA) -jar $(DEPS_JAR) status

.PHONY: deps-env
deps-env: $(DEPS_JAR) ## Print export lines with every connection setting (eval "$(make -s deps-env)")
	@$(JAVA) -jar $(DEPS_JAR) env

.PHONY: deps-clean
deps-clean: $(DEPS_JAR) ## Stop them and delete their data
	@$(JAVA) -jar $(DEPS_JAR) clean

$(BUILT): $(SYSTEM_SOURCES)
	$(MVN) -q install -DskipTests -Dspotless.check.skip=true
	@mkdir -p $(dir $(BUILT)) && touch $(BUILT)

.PHONY: up
up: setup-up $(BUILT) ## Build if needed and start the whole system (VARIANT=phase1-db-atomic|phase1-db-lock|phase1-naive)
	@$(JAVA) -jar $(LAUNCHER_JAR) up --variant $(VARIANT)

.PHONY: down
down: ## Stop everything `make up` started, and nothing else
	@if [ -f $(LAUNCHER_JAR) ]; then $(JAVA) -jar $(LAUNCHER_JAR) down; else echo "nothing to stop"; fi

.PHONY: restart
restart: $(BUILT) ## Start one service of the running system again, e.g. after a crash (SERVICE=order-service)
	@$(JAVA) -jar $(LAUNCHER_JAR) restart $(SERVICE)

.PHONY: fuzz
fuzz: setup-fuzz $(BUILT) ## schemathesis (pinned, from PyPI) against every contract through the running system (starts one if needed)
	@tools/bin/fuzz-api

.PHONY: status
status: $(BUILT) ## Show the running system and each service's memory
	@$(JAVA) -jar $(LAUNCHER_JAR) status

.PHONY: clean
clean: ## Remove build output
	$(MVN) -q clean

# ---- Kubernetes (kind) -------------------------------------------------------------------------------------------
# Needs Docker, kubectl and openssl; helm and kind are built with Go when missing (tools/bin/ensure-go-tool).
KIND_CLUSTER ?= flashdeal
KUBE_CONTEXT ?= kind-$(KIND_CLUSTER)
SERVICES := gateway auth-service product-service order-service
# Every image: the services, and order-service's Micronaut implementation (variant phase4-micronaut).
IMAGES := $(SERVICES) order-service-micronaut
IMAGE_TAG ?= dev
HELM = $(shell tools/bin/ensure-go-tool helm)
KIND = $(shell tools/bin/ensure-go-tool kind)
# Which cluster deploy and bench-k8s talk to: the local one (make cluster-up, no Docker) while it runs, else kind.
# K8S=kind or K8S=local forces one.
K8S ?= $(if $(wildcard .flashdeal/cluster/run/pids/kube-apiserver),local,kind)
ifeq ($(K8S),local)
LOCAL_CLUSTER_VALUES := tools/cluster/flashdeal-values.yaml
KUBE_CONTEXT := flashdeal-local
export KUBECONFIG := $(CURDIR)/.flashdeal/cluster/kubeconfig
# The harness: the cluster's values over the variant's, the load image build-images made, figures from Prometheus.
export FLASHDEAL_K8S_EXTRA_VALUES := $(CURDIR)/$(LOCAL_CLUSTER_VALUES)
export FLASHDEAL_K8S_SERVER_FIGURES := prometheus
export FLASHDEAL_K8S_LOAD_IMAGE := flashdeal/load-gatling:$(IMAGE_TAG)
endif
KUBECTL := kubectl --context $(KUBE_CONTEXT)

.PHONY: k8s-tools
k8s-tools:
	@for t in docker kubectl openssl; do command -v $$t >/dev/null || { echo "make: $$t is required for the kind path (see README)"; exit 1; }; done
	@docker info >/dev/null 2>&1 || { echo "make: the Docker daemon is not reachable (docker info failed)"; exit 1; }

.PHONY: images
images: $(BUILT) ## Build the service images (and order-service-micronaut, and the Gatling load generator) with Jib into the local Docker daemon (flashdeal/<service>:dev, OTel agent inside)
	$(MVN) -Pimages -pl $(subst $(eval) ,$(comma),$(addprefix services/,$(IMAGES))) package jib:dockerBuild -DskipTests -Dspotless.check.skip=true -Dflashdeal.image.tag=$(IMAGE_TAG)
	@mkdir -p loadtest/gatling/target/jib-extra
	$(MVN) -pl loadtest/gatling package jib:dockerBuild -DskipTests -Dspotless.check.skip=true -Dflashdeal.image.tag=$(IMAGE_TAG)

comma := ,

.PHONY: charts-deps
charts-deps: ## Vendor the library chart into each service chart, then the service charts into charts/flashdeal
	@for c in $(SERVICES) flashdeal; do $(HELM) dependency update charts/$$c >/dev/null; done

.PHONY: charts-lint
charts-lint: charts-deps ## helm lint --strict and helm template of every chart and every variant file (the helm CLI)
	@for c in $(SERVICES) flashdeal; do $(HELM) lint --strict charts/$$c; done
	@for f in charts/flashdeal/values-*.yaml; do $(HELM) lint --strict charts/flashdeal -f $$f && $(HELM) template flashdeal charts/flashdeal -n flashdeal -f $$f >/dev/null && echo "ok: $$f"; done

.PHONY: kind-up
kind-up: k8s-tools images charts-deps ## Create the kind cluster with PostgreSQL, Redis, RabbitMQ, SigNoz and the images loaded (idempotent)
	@$(KIND) get clusters 2>/dev/null | grep -qx $(KIND_CLUSTER) || $(KIND) create cluster --name $(KIND_CLUSTER) --config kind-config.yaml --wait 120s
	$(KUBECTL) apply -f k8s/namespaces.yaml
	KUBE_CONTEXT=$(KUBE_CONTEXT) k8s/bootstrap-secrets.sh
	$(KUBECTL) apply -f k8s/postgres.yaml -f k8s/redis.yaml -f k8s/rabbitmq.yaml
	$(KUBECTL) -n flashdeal-infra rollout status statefulset/postgres --timeout=300s
	$(KUBECTL) -n flashdeal-infra rollout status deployment/redis --timeout=300s
	$(KUBECTL) -n flashdeal-infra rollout status deployment/rabbitmq --timeout=300s
	$(HELM) repo add signoz https://charts.signoz.io --force-update >/dev/null
	$(HELM) upgrade --install signoz signoz/signoz --kube-context $(KUBE_CONTEXT) -n signoz -f observability/signoz-values.yaml --wait --timeout 20m
	$(KIND) load docker-image --name $(KIND_CLUSTER) $(addprefix flashdeal/,$(addsuffix :$(IMAGE_TAG),$(IMAGES) load-gatling))
	@echo "kind-up: cluster $(KIND_CLUSTER) ready; next: make deploy VARIANT=$(VARIANT) or make bench-k8s"

.PHONY: deploy
deploy: charts-deps ## Install or upgrade the system on the cluster as VARIANT (helm upgrade --install --wait), then helm test
	$(HELM) upgrade --install flashdeal charts/flashdeal --kube-context $(KUBE_CONTEXT) -n flashdeal -f charts/flashdeal/values-$(VARIANT).yaml $(if $(LOCAL_CLUSTER_VALUES),-f $(LOCAL_CLUSTER_VALUES)) --wait --timeout 10m
	$(HELM) test flashdeal --kube-context $(KUBE_CONTEXT) -n flashdeal
	@echo "deploy: $(VARIANT) is up on $(K8S); gateway at $(if $(LOCAL_CLUSTER_VALUES),node port 30080 of $$(ip -4 route get 1.1.1.1 | sed -n 's/.* src \([0-9.]*\).*/\1/p'),http://127.0.0.1:30080)"

.PHONY: bench-k8s
bench-k8s: $(BUILT) charts-deps ## The benchmark on the cluster (kind, or the local one while it runs): Helm per variant, the Gatling load as a Job, server figures from SigNoz (kind) or /actuator/prometheus (local)
	@$(KUBECTL) version >/dev/null && $(JAVA) -jar $(HARNESS_JAR) run --platform kubernetes $(BENCH_ARGS)

# ---- Kubernetes without Docker (tools/cluster) ---------------------------------------------------------------------
.PHONY: cluster-up
cluster-up: setup-cluster $(BUILT) charts-deps ## A real one-node cluster here, no Docker: control plane + kubelet/containerd/runc + CNI + kube-proxy + CoreDNS, local images, PostgreSQL, Redis, Secrets
	tools/cluster/cluster up
	@echo "cluster-up: next make deploy VARIANT=$(VARIANT) or make bench-k8s (they use this cluster while it runs)"

.PHONY: cluster-down
cluster-down: ## Stop the local cluster and undo its host changes (bridge, nft tables, mounts, ip_forward); data is kept
	tools/cluster/cluster down

.PHONY: cluster-clean
cluster-clean: ## cluster-down, then delete its state (etcd, containerd's images, PostgreSQL's volume)
	tools/cluster/cluster clean

# The tier-2 check: a cold cluster, the variants installed by the harness one after the other, a short sale on each as a
# load Job, the oracle must pass. VARIANTS=all runs every variant of variants/ (about 1 min each after cluster-up).
ALL_VARIANTS := $(subst $(eval) ,$(comma),$(sort $(basename $(notdir $(wildcard variants/*.env)))))
VARIANTS ?= phase1-db-atomic
CLUSTER_VARIANTS := $(if $(filter all,$(VARIANTS)),$(ALL_VARIANTS),$(VARIANTS))
# phase1-naive oversells by design: there the oracle must catch it (--expect-fail).
CLUSTER_SMOKE_ARGS ?= --scenario sale --variants $(CLUSTER_VARIANTS) --repeat 1 --stock 100 --users 200 --rate 50 --warmup 4 --no-cold --out reports/cluster-smoke --expect-pass --expect-fail phase1-naive
.PHONY: test-cluster
test-cluster: ## cluster-up, a short sale on it through the harness (load Job, oracle must pass), cluster-down; prints the timings
	@t0=$$(date +%s); $(MAKE) --no-print-directory cluster-up || { $(MAKE) --no-print-directory cluster-down; exit 1; }; \
	t1=$$(date +%s); rc=0; $(MAKE) --no-print-directory bench-k8s K8S=local BENCH_ARGS="$(CLUSTER_SMOKE_ARGS)" || rc=$$?; \
	t2=$$(date +%s); $(MAKE) --no-print-directory cluster-down; \
	echo "test-cluster: cluster-up $$((t1 - t0)) s, bench $$((t2 - t1)) s, down $$(( $$(date +%s) - t2 )) s; exit $$rc"; exit $$rc

.PHONY: cluster-images
cluster-images: $(BUILT) ## (Re)build the local cluster's images after a code change; cluster-up imports what changed
	tools/cluster/build-images

.PHONY: kind-down
kind-down: ## Delete the kind cluster (everything in it is gone)
	$(KIND) delete cluster --name $(KIND_CLUSTER)

.PHONY: lint-workflows
lint-workflows: ## actionlint on .github/workflows (built with Go when missing)
	"$$(tools/bin/ensure-go-tool actionlint)" -no-color

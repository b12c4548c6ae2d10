{{/*
One Spring Boot service as a Deployment. Probes use the Actuator health groups (liveness/readiness); a startup probe
gives the JVM time to boot (Flyway included) before liveness can kill it. The root filesystem is read-only, so /tmp is
an emptyDir (Tomcat/Netty and the OTel agent write there).
*/}}
{{- define "flashdeal-service.deployment" -}}
{{- $image := .Values.image -}}
{{- $tag := $image.tag | default .Values.global.image.tag | default .Chart.AppVersion -}}
{{- $registry := $image.registry | default .Values.global.image.registry -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "flashdeal-service.fullname" . }}
  labels:
    {{- include "flashdeal-service.labels" . | nindent 4 }}
spec:
  replicas: {{ .Values.replicaCount }}
  revisionHistoryLimit: 3
  selector:
    matchLabels:
      {{- include "flashdeal-service.selectorLabels" . | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "flashdeal-service.labels" . | nindent 8 }}
      annotations:
        # A changed ConfigMap (e.g. another stock strategy) rolls the pods.
        checksum/config: {{ include "flashdeal-service.configmap" . | sha256sum }}
    spec:
      automountServiceAccountToken: false
      enableServiceLinks: false
      terminationGracePeriodSeconds: {{ .Values.terminationGracePeriodSeconds }}
      securityContext:
        {{- toYaml .Values.podSecurityContext | nindent 8 }}
      containers:
        - name: {{ .Chart.Name }}
          image: {{ printf "%s%s:%s" (ternary "" (printf "%s/" $registry) (empty $registry)) $image.repository $tag | quote }}
          imagePullPolicy: {{ $image.pullPolicy | default .Values.global.image.pullPolicy }}
          securityContext:
            {{- toYaml .Values.securityContext | nindent 12 }}
          ports:
            - name: http
              containerPort: {{ .Values.port }}
              protocol: TCP
            {{- if .Values.internalPort }}
            - name: internal
              containerPort: {{ .Values.internalPort }}
              protocol: TCP
            {{- end }}
          envFrom:
            - configMapRef:
                name: {{ include "flashdeal-service.fullname" . }}
          {{- if or .Values.javaOpts .Values.secretEnv }}
          env:
            {{- with .Values.javaOpts }}
            - name: JAVA_TOOL_OPTIONS
              value: {{ . | quote }}
            {{- end }}
            {{- range .Values.secretEnv }}
            - name: {{ .name }}
              valueFrom:
                secretKeyRef:
                  name: {{ .existingSecret }}
                  key: {{ .key }}
                  {{- if .optional }}
                  optional: true
                  {{- end }}
            {{- end }}
          {{- end }}
          startupProbe:
            httpGet:
              path: /actuator/health/liveness
              port: http
            periodSeconds: 2
            failureThreshold: {{ .Values.probes.startupFailureThreshold }}
          livenessProbe:
            httpGet:
              path: /actuator/health/liveness
              port: http
            periodSeconds: 10
            timeoutSeconds: 2
            failureThreshold: 3
          readinessProbe:
            httpGet:
              path: /actuator/health/readiness
              port: http
            periodSeconds: 5
            timeoutSeconds: 2
            failureThreshold: 3
          resources:
            {{- toYaml .Values.resources | nindent 12 }}
          volumeMounts:
            - name: tmp
              mountPath: /tmp
            {{- range .Values.secretVolumes }}
            - name: {{ .name }}
              mountPath: {{ .mountPath }}
              readOnly: true
            {{- end }}
      volumes:
        - name: tmp
          emptyDir:
            sizeLimit: 256Mi
        {{- range .Values.secretVolumes }}
        - name: {{ .name }}
          secret:
            secretName: {{ .existingSecret }}
            defaultMode: 0440
        {{- end }}
{{- end -}}

{{/*
Who may reach a service, by port (a NetworkPolicy sees ports and pods, not paths; that is why /internal/** has a port
of its own). publicFrom: the pods (by chart name, same release) allowed on the public port; null = anyone (the gateway's
public entry), [] = nobody. internalFrom: the pods allowed on the internal port; [] = nobody. extraFrom: further peers
(raw NetworkPolicyPeer objects) on the public port, e.g. a monitoring namespace. Kubelet probes come from the node and
are not affected on the usual CNIs (Calico, Cilium, kindnet's policy controller).
*/}}
{{- define "flashdeal-service.networkpolicy.peers" -}}
{{- $root := index . 0 -}}
{{- range (index . 1) }}
- podSelector:
    matchLabels:
      app.kubernetes.io/name: {{ . }}
      app.kubernetes.io/instance: {{ $root.Release.Name }}
{{- end }}
{{- end -}}

{{- define "flashdeal-service.networkpolicy" -}}
{{- if .Values.networkPolicy.enabled }}
{{- $public := .Values.networkPolicy.publicFrom }}
{{- $internal := .Values.networkPolicy.internalFrom | default list }}
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ include "flashdeal-service.fullname" . }}
  labels:
    {{- include "flashdeal-service.labels" . | nindent 4 }}
spec:
  podSelector:
    matchLabels:
      {{- include "flashdeal-service.selectorLabels" . | nindent 6 }}
  policyTypes:
    - Ingress
  ingress:
    {{- if kindIs "invalid" $public }}
    - ports:
        - port: http
          protocol: TCP
    {{- else if or $public .Values.networkPolicy.extraFrom }}
    - ports:
        - port: http
          protocol: TCP
      from:
        {{- include "flashdeal-service.networkpolicy.peers" (list . $public) | trim | nindent 8 }}
        {{- with .Values.networkPolicy.extraFrom }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
    {{- end }}
    {{- if and .Values.internalPort $internal }}
    - ports:
        - port: internal
          protocol: TCP
      from:
        {{- include "flashdeal-service.networkpolicy.peers" (list . $internal) | trim | nindent 8 }}
    {{- end }}
{{- end }}
{{- end -}}

ls
cat svc-example.yaml | grep -c name
kubectl apply -f svc-example.yaml
cat <<EOF > note.txt
svc: $(kubectl get svc nginx-svc -o jsonpath='{.spec.ports[0].port}')
EOF
cat note.txt
kubectl get pods
sleep 30
kubectl get pods
kubectl run --rm -i --tty --image ubuntu ubuntu -- bash

echo $HOSTNAME
curl nginx-svc
exit
nosuch
echo "exit was $?"
kubectl get pods -w

# Which inputs to add to DetectionModel (2026-11-30 refit), chosen on the TRAINING sources only:
# leave-one-source-out cross-validation inside the 11 training sources of corpus.csv, same binomial likelihood and
# ridge as CalibrationFit.java; prints training / cross-validated / held-out Spearman(score, poses detected) for the
# first fit's nine inputs plus each candidate and each pair, best cross-validated first. The held-out column is for
# the record; it was not used to choose. Run from imaging/bench/calibration: python3 select-inputs.py (numpy, scipy).
import csv,math,numpy as np, itertools
from scipy.stats import spearmanr
SRC = r'''import csv,math,numpy as np
from scipy.stats import spearmanr
r=list(csv.DictReader(open('corpus.csv')))
def feats(x, extra):
    fps=[int(v) for v in x['features_per_scale'].split(';')] if x['features_per_scale'] else [0]
    L=int(x['largest_scale_features']); T=int(x['total_features']); tp=int(x['tracking_points'])
    mn=min(int(x['width']),int(x['height']))
    f=[math.log1p(L), math.log1p(T/len(fps)), math.log1p(tp), float(x['coverage']), float(x['spread']),
       float(x['duplicate_share']), float(x['contrast'])/64, float(x['flat_share']), math.log2(mn/256)]
    d=dict(mnb=float(x['median_nearest_bits'])/100, lcs=float(x['largest_cell_share']), smallest=math.log1p(fps[-1]),
           nsc=len(fps), dup_tp=float(x['duplicate_share'])*math.log1p(tp), c2=(float(x['contrast'])/64)**2,
           logc=math.log(max(float(x['contrast']),1)/64), minfs=math.log1p(min(fps)), dupsq=float(x['duplicate_share'])**2,
           mid=math.log1p(fps[len(fps)//2]))
    return f+[d[e] for e in extra]
def data(split,extra):
    rows=[x for x in r if x['split']==split]
    X=np.array([[1]+feats(x,extra) for x in rows]); k=np.array([int(x['poses_detected']) for x in rows])
    hard=np.array([int(x['total_features'])==0 or int(x['tracking_points'])==0 for x in rows])
    return X,k,hard
def fit(X,k,ridge=1.0,n=6):
    b=np.zeros(X.shape[1])
    for _ in range(100):
        p=1/(1+np.exp(-X@b)); g=X.T@(k-n*p); H=(X*(n*p*(1-p))[:,None]).T@X
        R=np.eye(len(b))*ridge; R[0,0]=1e-9; g-=R@b; H+=R
        s=np.linalg.solve(H,g); b+=s
        if abs(s).max()<1e-8: break
    return b
def score(X,hard,b):
    p=1/(1+np.exp(-X@b)); p[hard]=0; return np.round(100*p)
'''
exec(SRC.replace("    return f+[d[e] for e in extra]","""    d['sat']=sum(1 for v in fps if v>=495)/len(fps)
    d['ratio']=math.log1p(L)-math.log1p(fps[-1])
    d['tpL']=math.log1p(tp)-math.log1p(L)
    d['trackdens']=math.log1p(tp)*float(x['contrast'])/64
    d['satany']=1.0 if L>=495 else 0.0
    d['fewsc']=1.0/len(fps)
    return f+[d[e] for e in extra]"""))
r=[x for x in r]
def cv(extra,ridge=1.0):
    tr=[x for x in r if x['split']=='training']; srcs=sorted(set(x['source'] for x in tr))
    sc=[];ks=[]
    for s in srcs:
        a=[x for x in tr if x['source']!=s]; b=[x for x in tr if x['source']==s]
        Xa=np.array([[1]+feats(x,extra) for x in a]); ka=np.array([int(x['poses_detected']) for x in a])
        bb=fit(Xa,ka,ridge)
        Xb=np.array([[1]+feats(x,extra) for x in b]); hb=np.array([int(x['total_features'])==0 or int(x['tracking_points'])==0 for x in b])
        sc+=list(score(Xb,hb,bb)); ks+=[int(x['poses_detected']) for x in b]
    return spearmanr(sc,ks)[0]
cands=['sat','ratio','tpL','trackdens','satany','fewsc','dupsq','logc','dup_tp','nsc','mnb','lcs']
res=[]
for extra in [[]]+[[c] for c in cands]+[list(p) for p in itertools.combinations(cands,2)]:
    Xt,kt,ht=data('training',extra); Xh,kh,hh=data('held-out',extra)
    b=fit(Xt,kt,1.0)
    res.append((spearmanr(score(Xt,ht,b),kt)[0],cv(extra),spearmanr(score(Xh,hh,b),kh)[0],extra))
res.sort(key=lambda t:-t[1])
for t in res[:25]: print('train %.3f cv %.3f held %.3f'%t[:3],t[3])

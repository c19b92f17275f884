(module
  (type $t0 (func (param i32 i32 i32 i32 i32 i32)))
  (type $t1 (func (param i32) (result f32)))
  (type $t2 (func (param i32 i32 i32 i32 i32 i32 i32 i32)))
  (type $t3 (func (param i32 i32 i32 i32 i32 i32 i32 i32)))
  (type $t4 (func (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)))
  (type $t5 (func (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)))
  (type $t6 (func (param i32 i32 i32 i32 i32 i32 i32 i32)))
  (type $t7 (func (param i32 i32) (result i32)))
  (type $t8 (func (param i32 i32 i32) (result i32)))
  (type $t9 (func (param i32 i32 i32 i32 i32) (result i32)))
  (type $t10 (func (param i32 i32 i32 i32 i32 i32) (result i32)))
  (func $gemm (type $t0) (param $Mp i32) (param $Np i32) (param $K i32) (param $aPtr i32) (param $bPtr i32) (param $cPtr i32)
    (local $k0 i32) (local $kc i32) (local $j i32) (local $i i32) (local $ap i32) (local $bp i32) (local $cp i32) (local $kk i32) (local $rowBytes i32) (local $c00 v128) (local $c01 v128) (local $c10 v128) (local $c11 v128) (local $c20 v128) (local $c21 v128) (local $c30 v128) (local $c31 v128) (local $b0 v128) (local $b1 v128) (local $a v128)
    (local.set $rowBytes
      (i32.shl
        (local.get $Np)
        (i32.const 2)))
    (local.set $k0
      (i32.const 0))
    (loop $L0
      (local.set $kc
        (select
          (i32.const 256)
          (local.tee $kc
            (i32.sub
              (local.get $K)
              (local.get $k0)))
          (i32.gt_s
            (local.get $kc)
            (i32.const 256))))
      (local.set $j
        (i32.const 0))
      (loop $L1
        (local.set $i
          (i32.const 0))
        (loop $L2
          (local.set $ap
            (i32.add
              (local.get $aPtr)
              (i32.shl
                (i32.add
                  (i32.mul
                    (local.get $i)
                    (local.get $K))
                  (i32.mul
                    (local.get $k0)
                    (i32.const 4)))
                (i32.const 2))))
          (local.set $bp
            (i32.add
              (local.get $bPtr)
              (i32.shl
                (i32.add
                  (i32.mul
                    (local.get $j)
                    (local.get $K))
                  (i32.mul
                    (local.get $k0)
                    (i32.const 8)))
                (i32.const 2))))
          (local.set $cp
            (i32.add
              (local.get $cPtr)
              (i32.shl
                (i32.add
                  (i32.mul
                    (local.get $i)
                    (local.get $Np))
                  (local.get $j))
                (i32.const 2))))
          (if $I3
            (i32.eqz
              (local.get $k0))
            (then
              (local.set $c00
                (f32x4.splat
                  (f32.const 0x0p+0 (;=0;))))
              (local.set $c01
                (f32x4.splat
                  (f32.const 0x0p+0 (;=0;))))
              (local.set $c10
                (f32x4.splat
                  (f32.const 0x0p+0 (;=0;))))
              (local.set $c11
                (f32x4.splat
                  (f32.const 0x0p+0 (;=0;))))
              (local.set $c20
                (f32x4.splat
                  (f32.const 0x0p+0 (;=0;))))
              (local.set $c21
                (f32x4.splat
                  (f32.const 0x0p+0 (;=0;))))
              (local.set $c30
                (f32x4.splat
                  (f32.const 0x0p+0 (;=0;))))
              (local.set $c31
                (f32x4.splat
                  (f32.const 0x0p+0 (;=0;)))))
            (else
              (local.set $c00
                (v128.load
                  (i32.add
                    (local.get $cp)
                    (i32.mul
                      (local.get $rowBytes)
                      (i32.const 0)))))
              (local.set $c01
                (v128.load offset=16
                  (i32.add
                    (local.get $cp)
                    (i32.mul
                      (local.get $rowBytes)
                      (i32.const 0)))))
              (local.set $c10
                (v128.load
                  (i32.add
                    (local.get $cp)
                    (i32.mul
                      (local.get $rowBytes)
                      (i32.const 1)))))
              (local.set $c11
                (v128.load offset=16
                  (i32.add
                    (local.get $cp)
                    (i32.mul
                      (local.get $rowBytes)
                      (i32.const 1)))))
              (local.set $c20
                (v128.load
                  (i32.add
                    (local.get $cp)
                    (i32.mul
                      (local.get $rowBytes)
                      (i32.const 2)))))
              (local.set $c21
                (v128.load offset=16
                  (i32.add
                    (local.get $cp)
                    (i32.mul
                      (local.get $rowBytes)
                      (i32.const 2)))))
              (local.set $c30
                (v128.load
                  (i32.add
                    (local.get $cp)
                    (i32.mul
                      (local.get $rowBytes)
                      (i32.const 3)))))
              (local.set $c31
                (v128.load offset=16
                  (i32.add
                    (local.get $cp)
                    (i32.mul
                      (local.get $rowBytes)
                      (i32.const 3)))))))
          (local.set $kk
            (local.get $kc))
          (loop $L4
            (local.set $b0
              (v128.load
                (local.get $bp)))
            (local.set $b1
              (v128.load offset=16
                (local.get $bp)))
            (local.set $a
              (v128.load32_splat
                (local.get $ap)))
            (local.set $c00
              (f32x4.add
                (local.get $c00)
                (f32x4.mul
                  (local.get $a)
                  (local.get $b0))))
            (local.set $c01
              (f32x4.add
                (local.get $c01)
                (f32x4.mul
                  (local.get $a)
                  (local.get $b1))))
            (local.set $a
              (v128.load32_splat offset=4
                (local.get $ap)))
            (local.set $c10
              (f32x4.add
                (local.get $c10)
                (f32x4.mul
                  (local.get $a)
                  (local.get $b0))))
            (local.set $c11
              (f32x4.add
                (local.get $c11)
                (f32x4.mul
                  (local.get $a)
                  (local.get $b1))))
            (local.set $a
              (v128.load32_splat offset=8
                (local.get $ap)))
            (local.set $c20
              (f32x4.add
                (local.get $c20)
                (f32x4.mul
                  (local.get $a)
                  (local.get $b0))))
            (local.set $c21
              (f32x4.add
                (local.get $c21)
                (f32x4.mul
                  (local.get $a)
                  (local.get $b1))))
            (local.set $a
              (v128.load32_splat offset=12
                (local.get $ap)))
            (local.set $c30
              (f32x4.add
                (local.get $c30)
                (f32x4.mul
                  (local.get $a)
                  (local.get $b0))))
            (local.set $c31
              (f32x4.add
                (local.get $c31)
                (f32x4.mul
                  (local.get $a)
                  (local.get $b1))))
            (local.set $ap
              (i32.add
                (local.get $ap)
                (i32.const 16)))
            (local.set $bp
              (i32.add
                (local.get $bp)
                (i32.const 32)))
            (br_if $L4
              (local.tee $kk
                (i32.sub
                  (local.get $kk)
                  (i32.const 1)))))
          (v128.store
            (i32.add
              (local.get $cp)
              (i32.mul
                (local.get $rowBytes)
                (i32.const 0)))
            (local.get $c00))
          (v128.store offset=16
            (i32.add
              (local.get $cp)
              (i32.mul
                (local.get $rowBytes)
                (i32.const 0)))
            (local.get $c01))
          (v128.store
            (i32.add
              (local.get $cp)
              (i32.mul
                (local.get $rowBytes)
                (i32.const 1)))
            (local.get $c10))
          (v128.store offset=16
            (i32.add
              (local.get $cp)
              (i32.mul
                (local.get $rowBytes)
                (i32.const 1)))
            (local.get $c11))
          (v128.store
            (i32.add
              (local.get $cp)
              (i32.mul
                (local.get $rowBytes)
                (i32.const 2)))
            (local.get $c20))
          (v128.store offset=16
            (i32.add
              (local.get $cp)
              (i32.mul
                (local.get $rowBytes)
                (i32.const 2)))
            (local.get $c21))
          (v128.store
            (i32.add
              (local.get $cp)
              (i32.mul
                (local.get $rowBytes)
                (i32.const 3)))
            (local.get $c30))
          (v128.store offset=16
            (i32.add
              (local.get $cp)
              (i32.mul
                (local.get $rowBytes)
                (i32.const 3)))
            (local.get $c31))
          (br_if $L2
            (i32.lt_u
              (local.tee $i
                (i32.add
                  (local.get $i)
                  (i32.const 4)))
              (local.get $Mp))))
        (br_if $L1
          (i32.lt_u
            (local.tee $j
              (i32.add
                (local.get $j)
                (i32.const 8)))
            (local.get $Np))))
      (br_if $L0
        (i32.lt_u
          (local.tee $k0
            (i32.add
              (local.get $k0)
              (i32.const 256)))
          (local.get $K)))))
  (func $peak (type $t1) (param $iters i32) (result f32)
    (local $m v128) (local $c v128) (local $chain0 v128) (local $chain1 v128) (local $chain2 v128) (local $chain3 v128) (local $chain4 v128) (local $chain5 v128) (local $chain6 v128) (local $chain7 v128) (local $chain8 v128) (local $chain9 v128) (local $chain10 v128) (local $chain11 v128)
    (local.set $m
      (f32x4.splat
        (f32.const 0x1.ff7ceep-1 (;=0.999;))))
    (local.set $c
      (f32x4.splat
        (f32.const 0x1.0624dep-10 (;=0.001;))))
    (local.set $chain0
      (f32x4.splat
        (f32.const 0x0p+0 (;=0;))))
    (local.set $chain1
      (f32x4.splat
        (f32.const 0x1p+0 (;=1;))))
    (local.set $chain2
      (f32x4.splat
        (f32.const 0x1p+1 (;=2;))))
    (local.set $chain3
      (f32x4.splat
        (f32.const 0x1.8p+1 (;=3;))))
    (local.set $chain4
      (f32x4.splat
        (f32.const 0x1p+2 (;=4;))))
    (local.set $chain5
      (f32x4.splat
        (f32.const 0x1.4p+2 (;=5;))))
    (local.set $chain6
      (f32x4.splat
        (f32.const 0x1.8p+2 (;=6;))))
    (local.set $chain7
      (f32x4.splat
        (f32.const 0x1.cp+2 (;=7;))))
    (local.set $chain8
      (f32x4.splat
        (f32.const 0x1p+3 (;=8;))))
    (local.set $chain9
      (f32x4.splat
        (f32.const 0x1.2p+3 (;=9;))))
    (local.set $chain10
      (f32x4.splat
        (f32.const 0x1.4p+3 (;=10;))))
    (local.set $chain11
      (f32x4.splat
        (f32.const 0x1.6p+3 (;=11;))))
    (loop $L0
      (local.set $chain0
        (f32x4.add
          (f32x4.mul
            (local.get $chain0)
            (local.get $m))
          (local.get $c)))
      (local.set $chain1
        (f32x4.add
          (f32x4.mul
            (local.get $chain1)
            (local.get $m))
          (local.get $c)))
      (local.set $chain2
        (f32x4.add
          (f32x4.mul
            (local.get $chain2)
            (local.get $m))
          (local.get $c)))
      (local.set $chain3
        (f32x4.add
          (f32x4.mul
            (local.get $chain3)
            (local.get $m))
          (local.get $c)))
      (local.set $chain4
        (f32x4.add
          (f32x4.mul
            (local.get $chain4)
            (local.get $m))
          (local.get $c)))
      (local.set $chain5
        (f32x4.add
          (f32x4.mul
            (local.get $chain5)
            (local.get $m))
          (local.get $c)))
      (local.set $chain6
        (f32x4.add
          (f32x4.mul
            (local.get $chain6)
            (local.get $m))
          (local.get $c)))
      (local.set $chain7
        (f32x4.add
          (f32x4.mul
            (local.get $chain7)
            (local.get $m))
          (local.get $c)))
      (local.set $chain8
        (f32x4.add
          (f32x4.mul
            (local.get $chain8)
            (local.get $m))
          (local.get $c)))
      (local.set $chain9
        (f32x4.add
          (f32x4.mul
            (local.get $chain9)
            (local.get $m))
          (local.get $c)))
      (local.set $chain10
        (f32x4.add
          (f32x4.mul
            (local.get $chain10)
            (local.get $m))
          (local.get $c)))
      (local.set $chain11
        (f32x4.add
          (f32x4.mul
            (local.get $chain11)
            (local.get $m))
          (local.get $c)))
      (br_if $L0
        (i32.gt_s
          (local.tee $iters
            (i32.sub
              (local.get $iters)
              (i32.const 1)))
          (i32.const 0))))
    (f32x4.extract_lane 0
      (f32x4.add
        (f32x4.add
          (f32x4.add
            (f32x4.add
              (f32x4.add
                (f32x4.add
                  (f32x4.add
                    (f32x4.add
                      (f32x4.add
                        (f32x4.add
                          (f32x4.add
                            (local.get $chain0)
                            (local.get $chain1))
                          (local.get $chain2))
                        (local.get $chain3))
                      (local.get $chain4))
                    (local.get $chain5))
                  (local.get $chain6))
                (local.get $chain7))
              (local.get $chain8))
            (local.get $chain9))
          (local.get $chain10))
        (local.get $chain11))))
  (func $tapsB (type $t2) (param $Mp i32) (param $Np i32) (param $K i32) (param $aPtr i32) (param $xPtr i32) (param $tabPtr i32) (param $cPtr i32) (param $accumulate i32)
    (local $ap i32) (local $tp i32) (local $xj i32) (local $xb i32) (local $j i32) (local $i i32) (local $cp i32) (local $kk i32) (local $rowBytes i32) (local $c00 v128) (local $c01 v128) (local $c10 v128) (local $c11 v128) (local $c20 v128) (local $c21 v128) (local $c30 v128) (local $c31 v128) (local $b0 v128) (local $b1 v128) (local $a v128)
    (local.set $rowBytes
      (i32.shl
        (local.get $Np)
        (i32.const 2)))
    (local.set $j
      (i32.const 0))
    (loop $L0
      (local.set $i
        (i32.const 0))
      (loop $L1
        (local.set $ap
          (i32.add
            (local.get $aPtr)
            (i32.shl
              (i32.mul
                (local.get $i)
                (local.get $K))
              (i32.const 2))))
        (local.set $xj
          (i32.add
            (local.get $xPtr)
            (i32.shl
              (local.get $j)
              (i32.const 2))))
        (local.set $tp
          (local.get $tabPtr))
        (local.set $cp
          (i32.add
            (local.get $cPtr)
            (i32.shl
              (i32.add
                (i32.mul
                  (local.get $i)
                  (local.get $Np))
                (local.get $j))
              (i32.const 2))))
        (if $I2
          (i32.eqz
            (local.get $accumulate))
          (then
            (local.set $c00
              (f32x4.splat
                (f32.const 0x0p+0 (;=0;))))
            (local.set $c01
              (f32x4.splat
                (f32.const 0x0p+0 (;=0;))))
            (local.set $c10
              (f32x4.splat
                (f32.const 0x0p+0 (;=0;))))
            (local.set $c11
              (f32x4.splat
                (f32.const 0x0p+0 (;=0;))))
            (local.set $c20
              (f32x4.splat
                (f32.const 0x0p+0 (;=0;))))
            (local.set $c21
              (f32x4.splat
                (f32.const 0x0p+0 (;=0;))))
            (local.set $c30
              (f32x4.splat
                (f32.const 0x0p+0 (;=0;))))
            (local.set $c31
              (f32x4.splat
                (f32.const 0x0p+0 (;=0;)))))
          (else
            (local.set $c00
              (v128.load
                (i32.add
                  (local.get $cp)
                  (i32.mul
                    (local.get $rowBytes)
                    (i32.const 0)))))
            (local.set $c01
              (v128.load offset=16
                (i32.add
                  (local.get $cp)
                  (i32.mul
                    (local.get $rowBytes)
                    (i32.const 0)))))
            (local.set $c10
              (v128.load
                (i32.add
                  (local.get $cp)
                  (i32.mul
                    (local.get $rowBytes)
                    (i32.const 1)))))
            (local.set $c11
              (v128.load offset=16
                (i32.add
                  (local.get $cp)
                  (i32.mul
                    (local.get $rowBytes)
                    (i32.const 1)))))
            (local.set $c20
              (v128.load
                (i32.add
                  (local.get $cp)
                  (i32.mul
                    (local.get $rowBytes)
                    (i32.const 2)))))
            (local.set $c21
              (v128.load offset=16
                (i32.add
                  (local.get $cp)
                  (i32.mul
                    (local.get $rowBytes)
                    (i32.const 2)))))
            (local.set $c30
              (v128.load
                (i32.add
                  (local.get $cp)
                  (i32.mul
                    (local.get $rowBytes)
                    (i32.const 3)))))
            (local.set $c31
              (v128.load offset=16
                (i32.add
                  (local.get $cp)
                  (i32.mul
                    (local.get $rowBytes)
                    (i32.const 3)))))))
        (local.set $kk
          (local.get $K))
        (loop $L3
          (local.set $xb
            (i32.add
              (local.get $xj)
              (i32.load
                (local.get $tp))))
          (local.set $b0
            (v128.load
              (local.get $xb)))
          (local.set $b1
            (v128.load offset=16
              (local.get $xb)))
          (local.set $a
            (v128.load32_splat
              (local.get $ap)))
          (local.set $c00
            (f32x4.add
              (local.get $c00)
              (f32x4.mul
                (local.get $a)
                (local.get $b0))))
          (local.set $c01
            (f32x4.add
              (local.get $c01)
              (f32x4.mul
                (local.get $a)
                (local.get $b1))))
          (local.set $a
            (v128.load32_splat offset=4
              (local.get $ap)))
          (local.set $c10
            (f32x4.add
              (local.get $c10)
              (f32x4.mul
                (local.get $a)
                (local.get $b0))))
          (local.set $c11
            (f32x4.add
              (local.get $c11)
              (f32x4.mul
                (local.get $a)
                (local.get $b1))))
          (local.set $a
            (v128.load32_splat offset=8
              (local.get $ap)))
          (local.set $c20
            (f32x4.add
              (local.get $c20)
              (f32x4.mul
                (local.get $a)
                (local.get $b0))))
          (local.set $c21
            (f32x4.add
              (local.get $c21)
              (f32x4.mul
                (local.get $a)
                (local.get $b1))))
          (local.set $a
            (v128.load32_splat offset=12
              (local.get $ap)))
          (local.set $c30
            (f32x4.add
              (local.get $c30)
              (f32x4.mul
                (local.get $a)
                (local.get $b0))))
          (local.set $c31
            (f32x4.add
              (local.get $c31)
              (f32x4.mul
                (local.get $a)
                (local.get $b1))))
          (local.set $ap
            (i32.add
              (local.get $ap)
              (i32.const 16)))
          (local.set $tp
            (i32.add
              (local.get $tp)
              (i32.const 4)))
          (br_if $L3
            (local.tee $kk
              (i32.sub
                (local.get $kk)
                (i32.const 1)))))
        (v128.store
          (i32.add
            (local.get $cp)
            (i32.mul
              (local.get $rowBytes)
              (i32.const 0)))
          (local.get $c00))
        (v128.store offset=16
          (i32.add
            (local.get $cp)
            (i32.mul
              (local.get $rowBytes)
              (i32.const 0)))
          (local.get $c01))
        (v128.store
          (i32.add
            (local.get $cp)
            (i32.mul
              (local.get $rowBytes)
              (i32.const 1)))
          (local.get $c10))
        (v128.store offset=16
          (i32.add
            (local.get $cp)
            (i32.mul
              (local.get $rowBytes)
              (i32.const 1)))
          (local.get $c11))
        (v128.store
          (i32.add
            (local.get $cp)
            (i32.mul
              (local.get $rowBytes)
              (i32.const 2)))
          (local.get $c20))
        (v128.store offset=16
          (i32.add
            (local.get $cp)
            (i32.mul
              (local.get $rowBytes)
              (i32.const 2)))
          (local.get $c21))
        (v128.store
          (i32.add
            (local.get $cp)
            (i32.mul
              (local.get $rowBytes)
              (i32.const 3)))
          (local.get $c30))
        (v128.store offset=16
          (i32.add
            (local.get $cp)
            (i32.mul
              (local.get $rowBytes)
              (i32.const 3)))
          (local.get $c31))
        (br_if $L1
          (i32.lt_u
            (local.tee $i
              (i32.add
                (local.get $i)
                (i32.const 4)))
            (local.get $Mp))))
      (br_if $L0
        (i32.lt_u
          (local.tee $j
            (i32.add
              (local.get $j)
              (i32.const 8)))
          (local.get $Np)))))
  (func $tapsA (type $t3) (param $Mp i32) (param $Np i32) (param $K i32) (param $xPtr i32) (param $tabPtr i32) (param $bPtr i32) (param $cPtr i32) (param $accumulate i32)
    (local $bp i32) (local $row0 i32) (local $row1 i32) (local $row2 i32) (local $row3 i32) (local $j i32) (local $i i32) (local $cp i32) (local $kk i32) (local $rowBytes i32) (local $c00 v128) (local $c01 v128) (local $c10 v128) (local $c11 v128) (local $c20 v128) (local $c21 v128) (local $c30 v128) (local $c31 v128) (local $b0 v128) (local $b1 v128) (local $a v128)
    (local.set $rowBytes
      (i32.shl
        (local.get $Np)
        (i32.const 2)))
    (local.set $j
      (i32.const 0))
    (loop $L0
      (local.set $i
        (i32.const 0))
      (loop $L1
        (local.set $row0
          (i32.add
            (local.get $xPtr)
            (i32.load
              (i32.add
                (local.get $tabPtr)
                (i32.shl
                  (i32.add
                    (local.get $i)
                    (i32.const 0))
                  (i32.const 2))))))
        (local.set $row1
          (i32.add
            (local.get $xPtr)
            (i32.load
              (i32.add
                (local.get $tabPtr)
                (i32.shl
                  (i32.add
                    (local.get $i)
                    (i32.const 1))
                  (i32.const 2))))))
        (local.set $row2
          (i32.add
            (local.get $xPtr)
            (i32.load
              (i32.add
                (local.get $tabPtr)
                (i32.shl
                  (i32.add
                    (local.get $i)
                    (i32.const 2))
                  (i32.const 2))))))
        (local.set $row3
          (i32.add
            (local.get $xPtr)
            (i32.load
              (i32.add
                (local.get $tabPtr)
                (i32.shl
                  (i32.add
                    (local.get $i)
                    (i32.const 3))
                  (i32.const 2))))))
        (local.set $bp
          (i32.add
            (local.get $bPtr)
            (i32.shl
              (i32.mul
                (local.get $j)
                (local.get $K))
              (i32.const 2))))
        (local.set $cp
          (i32.add
            (local.get $cPtr)
            (i32.shl
              (i32.add
                (i32.mul
                  (local.get $i)
                  (local.get $Np))
                (local.get $j))
              (i32.const 2))))
        (if $I2
          (i32.eqz
            (local.get $accumulate))
          (then
            (local.set $c00
              (f32x4.splat
                (f32.const 0x0p+0 (;=0;))))
            (local.set $c01
              (f32x4.splat
                (f32.const 0x0p+0 (;=0;))))
            (local.set $c10
              (f32x4.splat
                (f32.const 0x0p+0 (;=0;))))
            (local.set $c11
              (f32x4.splat
                (f32.const 0x0p+0 (;=0;))))
            (local.set $c20
              (f32x4.splat
                (f32.const 0x0p+0 (;=0;))))
            (local.set $c21
              (f32x4.splat
                (f32.const 0x0p+0 (;=0;))))
            (local.set $c30
              (f32x4.splat
                (f32.const 0x0p+0 (;=0;))))
            (local.set $c31
              (f32x4.splat
                (f32.const 0x0p+0 (;=0;)))))
          (else
            (local.set $c00
              (v128.load
                (i32.add
                  (local.get $cp)
                  (i32.mul
                    (local.get $rowBytes)
                    (i32.const 0)))))
            (local.set $c01
              (v128.load offset=16
                (i32.add
                  (local.get $cp)
                  (i32.mul
                    (local.get $rowBytes)
                    (i32.const 0)))))
            (local.set $c10
              (v128.load
                (i32.add
                  (local.get $cp)
                  (i32.mul
                    (local.get $rowBytes)
                    (i32.const 1)))))
            (local.set $c11
              (v128.load offset=16
                (i32.add
                  (local.get $cp)
                  (i32.mul
                    (local.get $rowBytes)
                    (i32.const 1)))))
            (local.set $c20
              (v128.load
                (i32.add
                  (local.get $cp)
                  (i32.mul
                    (local.get $rowBytes)
                    (i32.const 2)))))
            (local.set $c21
              (v128.load offset=16
                (i32.add
                  (local.get $cp)
                  (i32.mul
                    (local.get $rowBytes)
                    (i32.const 2)))))
            (local.set $c30
              (v128.load
                (i32.add
                  (local.get $cp)
                  (i32.mul
                    (local.get $rowBytes)
                    (i32.const 3)))))
            (local.set $c31
              (v128.load offset=16
                (i32.add
                  (local.get $cp)
                  (i32.mul
                    (local.get $rowBytes)
                    (i32.const 3)))))))
        (local.set $kk
          (local.get $K))
        (loop $L3
          (local.set $b0
            (v128.load
              (local.get $bp)))
          (local.set $b1
            (v128.load offset=16
              (local.get $bp)))
          (v128.load32_splat
            (local.get $row0))
          (local.set $row0
            (i32.add
              (local.get $row0)
              (i32.const 4)))
          (local.set $a)
          (local.set $c00
            (f32x4.add
              (local.get $c00)
              (f32x4.mul
                (local.get $a)
                (local.get $b0))))
          (local.set $c01
            (f32x4.add
              (local.get $c01)
              (f32x4.mul
                (local.get $a)
                (local.get $b1))))
          (v128.load32_splat
            (local.get $row1))
          (local.set $row1
            (i32.add
              (local.get $row1)
              (i32.const 4)))
          (local.set $a)
          (local.set $c10
            (f32x4.add
              (local.get $c10)
              (f32x4.mul
                (local.get $a)
                (local.get $b0))))
          (local.set $c11
            (f32x4.add
              (local.get $c11)
              (f32x4.mul
                (local.get $a)
                (local.get $b1))))
          (v128.load32_splat
            (local.get $row2))
          (local.set $row2
            (i32.add
              (local.get $row2)
              (i32.const 4)))
          (local.set $a)
          (local.set $c20
            (f32x4.add
              (local.get $c20)
              (f32x4.mul
                (local.get $a)
                (local.get $b0))))
          (local.set $c21
            (f32x4.add
              (local.get $c21)
              (f32x4.mul
                (local.get $a)
                (local.get $b1))))
          (v128.load32_splat
            (local.get $row3))
          (local.set $row3
            (i32.add
              (local.get $row3)
              (i32.const 4)))
          (local.set $a)
          (local.set $c30
            (f32x4.add
              (local.get $c30)
              (f32x4.mul
                (local.get $a)
                (local.get $b0))))
          (local.set $c31
            (f32x4.add
              (local.get $c31)
              (f32x4.mul
                (local.get $a)
                (local.get $b1))))
          (local.set $bp
            (i32.add
              (local.get $bp)
              (i32.const 32)))
          (br_if $L3
            (local.tee $kk
              (i32.sub
                (local.get $kk)
                (i32.const 1)))))
        (v128.store
          (i32.add
            (local.get $cp)
            (i32.mul
              (local.get $rowBytes)
              (i32.const 0)))
          (local.get $c00))
        (v128.store offset=16
          (i32.add
            (local.get $cp)
            (i32.mul
              (local.get $rowBytes)
              (i32.const 0)))
          (local.get $c01))
        (v128.store
          (i32.add
            (local.get $cp)
            (i32.mul
              (local.get $rowBytes)
              (i32.const 1)))
          (local.get $c10))
        (v128.store offset=16
          (i32.add
            (local.get $cp)
            (i32.mul
              (local.get $rowBytes)
              (i32.const 1)))
          (local.get $c11))
        (v128.store
          (i32.add
            (local.get $cp)
            (i32.mul
              (local.get $rowBytes)
              (i32.const 2)))
          (local.get $c20))
        (v128.store offset=16
          (i32.add
            (local.get $cp)
            (i32.mul
              (local.get $rowBytes)
              (i32.const 2)))
          (local.get $c21))
        (v128.store
          (i32.add
            (local.get $cp)
            (i32.mul
              (local.get $rowBytes)
              (i32.const 3)))
          (local.get $c30))
        (v128.store offset=16
          (i32.add
            (local.get $cp)
            (i32.mul
              (local.get $rowBytes)
              (i32.const 3)))
          (local.get $c31))
        (br_if $L1
          (i32.lt_u
            (local.tee $i
              (i32.add
                (local.get $i)
                (i32.const 4)))
            (local.get $Mp))))
      (br_if $L0
        (i32.lt_u
          (local.tee $j
            (i32.add
              (local.get $j)
              (i32.const 8)))
          (local.get $Np)))))
  (func $compact (type $t4) (param $cPtr i32) (param $Np i32) (param $cols i32) (param $rows i32) (param $outWidth i32) (param $F i32) (param $biasPtr i32) (param $hasBias i32) (param $dstPtr i32) (param $filterStride i32)
    (local $filter i32) (local $r i32) (local $s i32) (local $d i32) (local $q i32) (local $bias v128)
    (local.set $filter
      (i32.const 0))
    (loop $L0
      (local.set $d
        (i32.add
          (local.get $dstPtr)
          (i32.shl
            (i32.mul
              (local.get $filter)
              (local.get $filterStride))
            (i32.const 2))))
      (if $I1
        (local.get $hasBias)
        (then
          (local.set $bias
            (v128.load32_splat
              (i32.add
                (local.get $biasPtr)
                (i32.shl
                  (local.get $filter)
                  (i32.const 2))))))
        (else
          (local.set $bias
            (f32x4.splat
              (f32.const 0x0p+0 (;=0;))))))
      (local.set $r
        (i32.const 0))
      (loop $L2
        (local.set $s
          (i32.add
            (local.get $cPtr)
            (i32.shl
              (i32.add
                (i32.mul
                  (local.get $filter)
                  (local.get $Np))
                (i32.mul
                  (local.get $r)
                  (local.get $cols)))
              (i32.const 2))))
        (local.set $q
          (local.get $outWidth))
        (block $B3
          (loop $L4
            (br_if $B3
              (i32.lt_s
                (local.get $q)
                (i32.const 4)))
            (v128.store
              (local.get $d)
              (f32x4.add
                (v128.load
                  (local.get $s))
                (local.get $bias)))
            (local.set $s
              (i32.add
                (local.get $s)
                (i32.const 16)))
            (local.set $d
              (i32.add
                (local.get $d)
                (i32.const 16)))
            (local.set $q
              (i32.sub
                (local.get $q)
                (i32.const 4)))
            (br $L4)))
        (block $B5
          (loop $L6
            (br_if $B5
              (i32.eqz
                (local.get $q)))
            (f32.store
              (local.get $d)
              (f32.add
                (f32.load
                  (local.get $s))
                (f32x4.extract_lane 0
                  (local.get $bias))))
            (local.set $s
              (i32.add
                (local.get $s)
                (i32.const 4)))
            (local.set $d
              (i32.add
                (local.get $d)
                (i32.const 4)))
            (local.set $q
              (i32.sub
                (local.get $q)
                (i32.const 1)))
            (br $L6)))
        (br_if $L2
          (i32.lt_u
            (local.tee $r
              (i32.add
                (local.get $r)
                (i32.const 1)))
            (local.get $rows))))
      (br_if $L0
        (i32.lt_u
          (local.tee $filter
            (i32.add
              (local.get $filter)
              (i32.const 1)))
          (local.get $F)))))
  (func $planes (type $t5) (param $src i32) (param $channels i32) (param $H i32) (param $W i32) (param $stride i32) (param $padTop i32) (param $padLeft i32) (param $rows i32) (param $cols i32) (param $dst i32) (param $zeroPtr i32)
    (local $c i32) (local $a i32) (local $b i32) (local $r i32) (local $q i32) (local $y i32) (local $rowInside i32) (local $rowPtr i32) (local $x i32) (local $d i32)
    (local.set $d
      (local.get $dst))
    (local.set $c
      (i32.const 0))
    (loop $L0
      (local.set $a
        (i32.const 0))
      (loop $L1
        (local.set $b
          (i32.const 0))
        (loop $L2
          (local.set $r
            (i32.const 0))
          (loop $L3
            (local.set $rowInside
              (i32.lt_u
                (local.tee $y
                  (i32.sub
                    (i32.add
                      (i32.mul
                        (local.get $r)
                        (local.get $stride))
                      (local.get $a))
                    (local.get $padTop)))
                (local.get $H)))
            (local.set $rowPtr
              (i32.add
                (local.get $src)
                (i32.shl
                  (i32.mul
                    (i32.add
                      (i32.mul
                        (local.get $c)
                        (local.get $H))
                      (local.get $y))
                    (local.get $W))
                  (i32.const 2))))
            (local.set $x
              (i32.sub
                (local.get $b)
                (local.get $padLeft)))
            (local.set $q
              (i32.const 0))
            (loop $L4
              (f32.store
                (local.get $d)
                (f32.load
                  (select
                    (i32.add
                      (local.get $rowPtr)
                      (i32.shl
                        (local.get $x)
                        (i32.const 2)))
                    (local.get $zeroPtr)
                    (i32.and
                      (local.get $rowInside)
                      (i32.lt_u
                        (local.get $x)
                        (local.get $W))))))
              (local.set $d
                (i32.add
                  (local.get $d)
                  (i32.const 4)))
              (local.set $x
                (i32.add
                  (local.get $x)
                  (local.get $stride)))
              (br_if $L4
                (i32.lt_u
                  (local.tee $q
                    (i32.add
                      (local.get $q)
                      (i32.const 1)))
                  (local.get $cols))))
            (br_if $L3
              (i32.lt_u
                (local.tee $r
                  (i32.add
                    (local.get $r)
                    (i32.const 1)))
                (local.get $rows))))
          (br_if $L2
            (i32.lt_u
              (local.tee $b
                (i32.add
                  (local.get $b)
                  (i32.const 1)))
              (local.get $stride))))
        (br_if $L1
          (i32.lt_u
            (local.tee $a
              (i32.add
                (local.get $a)
                (i32.const 1)))
            (local.get $stride))))
      (br_if $L0
        (i32.lt_u
          (local.tee $c
            (i32.add
              (local.get $c)
              (i32.const 1)))
          (local.get $channels)))))
  (func $packDoutT (type $t6) (param $src i32) (param $F i32) (param $outHeight i32) (param $outWidth i32) (param $cols i32) (param $Fp i32) (param $dst i32) (param $zeroPtr i32)
    (local $f0 i32) (local $r i32) (local $q i32) (local $d i32) (local $at i32) (local $plane i32)
    (local.set $plane
      (i32.shl
        (i32.mul
          (local.get $outHeight)
          (local.get $outWidth))
        (i32.const 2)))
    (local.set $d
      (local.get $dst))
    (local.set $f0
      (i32.const 0))
    (loop $L0
      (local.set $r
        (i32.const 0))
      (loop $L1
        (local.set $q
          (i32.const 0))
        (loop $L2
          (local.set $at
            (i32.add
              (local.get $src)
              (i32.shl
                (i32.add
                  (i32.mul
                    (i32.add
                      (i32.mul
                        (local.get $f0)
                        (local.get $outHeight))
                      (local.get $r))
                    (local.get $outWidth))
                  (local.get $q))
                (i32.const 2))))
          (f32.store
            (local.get $d)
            (f32.load
              (select
                (i32.add
                  (local.get $at)
                  (i32.mul
                    (local.get $plane)
                    (i32.const 0)))
                (local.get $zeroPtr)
                (i32.and
                  (i32.lt_u
                    (i32.add
                      (local.get $f0)
                      (i32.const 0))
                    (local.get $F))
                  (i32.lt_u
                    (local.get $q)
                    (local.get $outWidth))))))
          (f32.store offset=4
            (local.get $d)
            (f32.load
              (select
                (i32.add
                  (local.get $at)
                  (i32.mul
                    (local.get $plane)
                    (i32.const 1)))
                (local.get $zeroPtr)
                (i32.and
                  (i32.lt_u
                    (i32.add
                      (local.get $f0)
                      (i32.const 1))
                    (local.get $F))
                  (i32.lt_u
                    (local.get $q)
                    (local.get $outWidth))))))
          (f32.store offset=8
            (local.get $d)
            (f32.load
              (select
                (i32.add
                  (local.get $at)
                  (i32.mul
                    (local.get $plane)
                    (i32.const 2)))
                (local.get $zeroPtr)
                (i32.and
                  (i32.lt_u
                    (i32.add
                      (local.get $f0)
                      (i32.const 2))
                    (local.get $F))
                  (i32.lt_u
                    (local.get $q)
                    (local.get $outWidth))))))
          (f32.store offset=12
            (local.get $d)
            (f32.load
              (select
                (i32.add
                  (local.get $at)
                  (i32.mul
                    (local.get $plane)
                    (i32.const 3)))
                (local.get $zeroPtr)
                (i32.and
                  (i32.lt_u
                    (i32.add
                      (local.get $f0)
                      (i32.const 3))
                    (local.get $F))
                  (i32.lt_u
                    (local.get $q)
                    (local.get $outWidth))))))
          (f32.store offset=16
            (local.get $d)
            (f32.load
              (select
                (i32.add
                  (local.get $at)
                  (i32.mul
                    (local.get $plane)
                    (i32.const 4)))
                (local.get $zeroPtr)
                (i32.and
                  (i32.lt_u
                    (i32.add
                      (local.get $f0)
                      (i32.const 4))
                    (local.get $F))
                  (i32.lt_u
                    (local.get $q)
                    (local.get $outWidth))))))
          (f32.store offset=20
            (local.get $d)
            (f32.load
              (select
                (i32.add
                  (local.get $at)
                  (i32.mul
                    (local.get $plane)
                    (i32.const 5)))
                (local.get $zeroPtr)
                (i32.and
                  (i32.lt_u
                    (i32.add
                      (local.get $f0)
                      (i32.const 5))
                    (local.get $F))
                  (i32.lt_u
                    (local.get $q)
                    (local.get $outWidth))))))
          (f32.store offset=24
            (local.get $d)
            (f32.load
              (select
                (i32.add
                  (local.get $at)
                  (i32.mul
                    (local.get $plane)
                    (i32.const 6)))
                (local.get $zeroPtr)
                (i32.and
                  (i32.lt_u
                    (i32.add
                      (local.get $f0)
                      (i32.const 6))
                    (local.get $F))
                  (i32.lt_u
                    (local.get $q)
                    (local.get $outWidth))))))
          (f32.store offset=28
            (local.get $d)
            (f32.load
              (select
                (i32.add
                  (local.get $at)
                  (i32.mul
                    (local.get $plane)
                    (i32.const 7)))
                (local.get $zeroPtr)
                (i32.and
                  (i32.lt_u
                    (i32.add
                      (local.get $f0)
                      (i32.const 7))
                    (local.get $F))
                  (i32.lt_u
                    (local.get $q)
                    (local.get $outWidth))))))
          (local.set $d
            (i32.add
              (local.get $d)
              (i32.const 32)))
          (br_if $L2
            (i32.lt_u
              (local.tee $q
                (i32.add
                  (local.get $q)
                  (i32.const 1)))
              (local.get $cols))))
        (br_if $L1
          (i32.lt_u
            (local.tee $r
              (i32.add
                (local.get $r)
                (i32.const 1)))
            (local.get $outHeight))))
      (br_if $L0
        (i32.lt_u
          (local.tee $f0
            (i32.add
              (local.get $f0)
              (i32.const 8)))
          (local.get $Fp)))))
  (func $reluForward (type $t7) (param $ptr i32) (param $n i32) (result i32)
    (local $end i32) (local $v v128) (local $zero v128) (local $acc v128) (local $s f32)
    (local.set $end
      (i32.add
        (local.get $ptr)
        (i32.shl
          (local.get $n)
          (i32.const 2))))
    (loop $L0
      (local.set $acc
        (f32x4.add
          (f32x4.mul
            (local.tee $v
              (v128.load
                (local.get $ptr)))
            (local.get $zero))
          (local.get $acc)))
      (v128.store
        (local.get $ptr)
        (f32x4.max
          (local.get $v)
          (local.get $zero)))
      (br_if $L0
        (i32.lt_u
          (local.tee $ptr
            (i32.add
              (local.get $ptr)
              (i32.const 16)))
          (local.get $end))))
    (f32.ne
      (local.tee $s
        (f32.add
          (f32.add
            (f32.add
              (f32x4.extract_lane 0
                (local.get $acc))
              (f32x4.extract_lane 1
                (local.get $acc)))
            (f32x4.extract_lane 2
              (local.get $acc)))
          (f32x4.extract_lane 3
            (local.get $acc))))
      (local.get $s)))
  (func $reluBackward (type $t8) (param $xPtr i32) (param $gPtr i32) (param $n i32) (result i32)
    (local $end i32) (local $x v128) (local $g v128) (local $zero v128) (local $acc v128) (local $s f32)
    (local.set $end
      (i32.add
        (local.get $gPtr)
        (i32.shl
          (local.get $n)
          (i32.const 2))))
    (loop $L0
      (local.set $acc
        (f32x4.add
          (f32x4.mul
            (f32x4.add
              (local.tee $x
                (v128.load
                  (local.get $xPtr)))
              (local.tee $g
                (v128.load
                  (local.get $gPtr))))
            (local.get $zero))
          (local.get $acc)))
      (v128.store
        (local.get $gPtr)
        (v128.and
          (local.get $g)
          (f32x4.gt
            (local.get $x)
            (local.get $zero))))
      (local.set $xPtr
        (i32.add
          (local.get $xPtr)
          (i32.const 16)))
      (br_if $L0
        (i32.lt_u
          (local.tee $gPtr
            (i32.add
              (local.get $gPtr)
              (i32.const 16)))
          (local.get $end))))
    (f32.ne
      (local.tee $s
        (f32.add
          (f32.add
            (f32.add
              (f32x4.extract_lane 0
                (local.get $acc))
              (f32x4.extract_lane 1
                (local.get $acc)))
            (f32x4.extract_lane 2
              (local.get $acc)))
          (f32x4.extract_lane 3
            (local.get $acc))))
      (local.get $s)))
  (func $maxPool (type $t9) (param $src i32) (param $dst i32) (param $planes i32) (param $H i32) (param $W i32) (result i32)
    (local $row1 i32) (local $q i32) (local $zero v128) (local $acc v128) (local $t0 v128) (local $t1 v128) (local $b0 v128) (local $b1 v128) (local $m0 v128) (local $m1 v128) (local $rows i32) (local $rowBytes i32) (local $s f32)
    (local.set $rowBytes
      (i32.shl
        (local.get $W)
        (i32.const 2)))
    (local.set $rows
      (i32.shr_u
        (i32.mul
          (local.get $planes)
          (local.get $H))
        (i32.const 1)))
    (loop $L0
      (local.set $row1
        (i32.add
          (local.get $src)
          (local.get $rowBytes)))
      (local.set $q
        (i32.shr_u
          (local.get $W)
          (i32.const 1)))
      (block $B1
        (loop $L2
          (br_if $B1
            (i32.lt_u
              (local.get $q)
              (i32.const 4)))
          (local.set $t0
            (v128.load
              (local.get $src)))
          (local.set $t1
            (v128.load offset=16
              (local.get $src)))
          (local.set $b0
            (v128.load
              (local.get $row1)))
          (local.set $b1
            (v128.load offset=16
              (local.get $row1)))
          (local.set $acc
            (f32x4.add
              (f32x4.mul
                (f32x4.add
                  (f32x4.add
                    (f32x4.add
                      (local.get $t0)
                      (local.get $t1))
                    (local.get $b0))
                  (local.get $b1))
                (local.get $zero))
              (local.get $acc)))
          (local.set $m0
            (f32x4.max
              (local.get $t0)
              (local.get $b0)))
          (local.set $m1
            (f32x4.max
              (local.get $t1)
              (local.get $b1)))
          (v128.store
            (local.get $dst)
            (f32x4.max
              (i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27
                (local.get $m0)
                (local.get $m1))
              (i8x16.shuffle 4 5 6 7 12 13 14 15 20 21 22 23 28 29 30 31
                (local.get $m0)
                (local.get $m1))))
          (local.set $src
            (i32.add
              (local.get $src)
              (i32.const 32)))
          (local.set $row1
            (i32.add
              (local.get $row1)
              (i32.const 32)))
          (local.set $dst
            (i32.add
              (local.get $dst)
              (i32.const 16)))
          (local.set $q
            (i32.sub
              (local.get $q)
              (i32.const 4)))
          (br $L2)))
      (block $B3
        (loop $L4
          (br_if $B3
            (i32.eqz
              (local.get $q)))
          (local.set $t0
            (v128.load64_splat
              (local.get $src)))
          (local.set $b0
            (v128.load64_splat
              (local.get $row1)))
          (local.set $acc
            (f32x4.add
              (f32x4.mul
                (f32x4.add
                  (local.get $t0)
                  (local.get $b0))
                (local.get $zero))
              (local.get $acc)))
          (f32.store
            (local.get $dst)
            (f32.max
              (f32x4.extract_lane 0
                (local.tee $m0
                  (f32x4.max
                    (local.get $t0)
                    (local.get $b0))))
              (f32x4.extract_lane 1
                (local.get $m0))))
          (local.set $src
            (i32.add
              (local.get $src)
              (i32.const 8)))
          (local.set $row1
            (i32.add
              (local.get $row1)
              (i32.const 8)))
          (local.set $dst
            (i32.add
              (local.get $dst)
              (i32.const 4)))
          (local.set $q
            (i32.sub
              (local.get $q)
              (i32.const 1)))
          (br $L4)))
      (local.set $src
        (i32.add
          (local.get $src)
          (local.get $rowBytes)))
      (br_if $L0
        (local.tee $rows
          (i32.sub
            (local.get $rows)
            (i32.const 1)))))
    (f32.ne
      (local.tee $s
        (f32.add
          (f32.add
            (f32.add
              (f32x4.extract_lane 0
                (local.get $acc))
              (f32x4.extract_lane 1
                (local.get $acc)))
            (f32x4.extract_lane 2
              (local.get $acc)))
          (f32x4.extract_lane 3
            (local.get $acc))))
      (local.get $s)))
  (func $maxPoolBackward (type $t10) (param $x i32) (param $g i32) (param $dx i32) (param $planes i32) (param $H i32) (param $W i32) (result i32)
    (local $row1 i32) (local $dxRow1 i32) (local $q i32) (local $rowBytes i32) (local $step i32) (local $zero v128) (local $acc v128) (local $t v128) (local $b v128) (local $grad v128) (local $mm v128) (local $eqT v128) (local $eqB v128) (local $sum v128) (local $rows i32) (local $rowBytes_21 i32) (local $s f32)
    (local.set $rowBytes
      (i32.shl
        (local.get $W)
        (i32.const 2)))
    (local.set $rowBytes_21
      (i32.shl
        (local.get $W)
        (i32.const 2)))
    (local.set $rows
      (i32.shr_u
        (i32.mul
          (local.get $planes)
          (local.get $H))
        (i32.const 1)))
    (loop $L0
      (local.set $row1
        (i32.add
          (local.get $x)
          (local.get $rowBytes_21)))
      (local.set $dxRow1
        (i32.add
          (local.get $dx)
          (local.get $rowBytes)))
      (local.set $q
        (i32.shr_u
          (local.get $W)
          (i32.const 1)))
      (block $B1
        (loop $L2
          (br_if $B1
            (i32.eqz
              (local.get $q)))
          (local.set $t
            (v128.load
              (local.get $x)))
          (local.set $b
            (v128.load
              (local.get $row1)))
          (local.set $grad
            (i8x16.shuffle 0 1 2 3 0 1 2 3 4 5 6 7 4 5 6 7
              (v128.load64_splat
                (local.get $g))
              (v128.load64_splat
                (local.get $g))))
          (local.set $sum
            (f32x4.add
              (f32x4.add
                (local.get $t)
                (local.get $b))
              (local.get $grad)))
          (local.set $step
            (i32.const 16))
          (if $I3
            (i32.eq
              (local.get $q)
              (i32.const 1))
            (then
              (local.set $sum
                (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
                  (local.get $sum)
                  (local.get $zero)))
              (local.set $step
                (i32.const 8))))
          (local.set $acc
            (f32x4.add
              (f32x4.mul
                (local.get $sum)
                (local.get $zero))
              (local.get $acc)))
          (local.set $mm
            (f32x4.max
              (local.tee $mm
                (f32x4.max
                  (local.get $t)
                  (local.get $b)))
              (i8x16.shuffle 4 5 6 7 0 1 2 3 12 13 14 15 8 9 10 11
                (local.get $mm)
                (local.get $mm))))
          (local.set $eqT
            (f32x4.eq
              (local.get $t)
              (local.get $mm)))
          (local.set $eqB
            (f32x4.eq
              (local.get $b)
              (local.get $mm)))
          (local.set $t
            (v128.and
              (v128.andnot
                (local.get $eqT)
                (i8x16.shuffle 16 17 18 19 0 1 2 3 16 17 18 19 8 9 10 11
                  (local.get $eqT)
                  (local.get $zero)))
              (local.get $grad)))
          (local.set $b
            (v128.and
              (v128.andnot
                (v128.andnot
                  (local.get $eqB)
                  (v128.or
                    (i8x16.shuffle 4 5 6 7 0 1 2 3 12 13 14 15 8 9 10 11
                      (local.get $eqT)
                      (local.get $eqT))
                    (local.get $eqT)))
                (i8x16.shuffle 16 17 18 19 0 1 2 3 16 17 18 19 8 9 10 11
                  (local.get $eqB)
                  (local.get $zero)))
              (local.get $grad)))
          (if $I4
            (i32.eq
              (local.get $step)
              (i32.const 8))
            (then
              (f32.store
                (local.get $dx)
                (f32x4.extract_lane 0
                  (local.get $t)))
              (f32.store offset=4
                (local.get $dx)
                (f32x4.extract_lane 1
                  (local.get $t)))
              (f32.store
                (local.get $dxRow1)
                (f32x4.extract_lane 0
                  (local.get $b)))
              (f32.store offset=4
                (local.get $dxRow1)
                (f32x4.extract_lane 1
                  (local.get $b)))
              (local.set $q
                (i32.const 2)))
            (else
              (v128.store
                (local.get $dx)
                (local.get $t))
              (v128.store
                (local.get $dxRow1)
                (local.get $b))))
          (local.set $x
            (i32.add
              (local.get $x)
              (local.get $step)))
          (local.set $row1
            (i32.add
              (local.get $row1)
              (local.get $step)))
          (local.set $dx
            (i32.add
              (local.get $dx)
              (local.get $step)))
          (local.set $dxRow1
            (i32.add
              (local.get $dxRow1)
              (local.get $step)))
          (local.set $g
            (i32.add
              (local.get $g)
              (i32.shr_u
                (local.get $step)
                (i32.const 1))))
          (local.set $q
            (i32.sub
              (local.get $q)
              (i32.const 2)))
          (br $L2)))
      (local.set $dx
        (i32.add
          (local.get $dx)
          (local.get $rowBytes)))
      (local.set $x
        (i32.add
          (local.get $x)
          (local.get $rowBytes_21)))
      (br_if $L0
        (local.tee $rows
          (i32.sub
            (local.get $rows)
            (i32.const 1)))))
    (f32.ne
      (local.tee $s
        (f32.add
          (f32.add
            (f32.add
              (f32x4.extract_lane 0
                (local.get $acc))
              (f32x4.extract_lane 1
                (local.get $acc)))
            (f32x4.extract_lane 2
              (local.get $acc)))
          (f32x4.extract_lane 3
            (local.get $acc))))
      (local.get $s)))
  (memory $memory 1)
  (export "memory" (memory $memory))
  (export "gemm" (func $gemm))
  (export "peak" (func $peak))
  (export "tapsB" (func $tapsB))
  (export "tapsA" (func $tapsA))
  (export "compact" (func $compact))
  (export "planes" (func $planes))
  (export "packDoutT" (func $packDoutT))
  (export "reluForward" (func $reluForward))
  (export "reluBackward" (func $reluBackward))
  (export "maxPool" (func $maxPool))
  (export "maxPoolBackward" (func $maxPoolBackward)))
